import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppRegistry } from './app-registry';
import { AppsController } from './apps.controller';

@Module({})
export class AppsModule implements OnApplicationShutdown {
  constructor(@Inject(AppRegistry) private readonly registry: AppRegistry) {}

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

  async onApplicationShutdown(): Promise<void> {
    await this.registry.close();
  }
}
