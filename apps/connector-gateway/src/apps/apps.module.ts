import { DynamicModule, Module } from '@nestjs/common';
import { AppRegistry } from './app-registry';
import { AppsController } from './apps.controller';

@Module({})
export class AppsModule {
  /** The registry is built before Nest starts (bad config stops start-up with a clear message) and shared with every feature. */
  static register(registry: AppRegistry): DynamicModule {
    return {
      module: AppsModule,
      global: true,
      controllers: [AppsController],
      providers: [{ provide: AppRegistry, useValue: registry }],
      exports: [AppRegistry],
    };
  }
}
