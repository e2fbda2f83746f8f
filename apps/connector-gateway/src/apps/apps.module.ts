import { DynamicModule, Module } from '@nestjs/common';
import { AppRegistry } from './app-registry';
import { AppsController } from './apps.controller';

@Module({})
export class AppsModule {
  /**
   * The registry is built before Nest starts, so a bad config or a missing
   * token stops start-up with one clear line; every feature shares it.
   */
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
