import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { OrchestratorEnvironment } from '../orchestrator.environment';
import { TEMPORAL_CLIENT, TEMPORAL_CONNECTION } from './temporal.tokens';

/**
 * Closes the one client connection when the service stops. Nest shuts global
 * modules down last, so the worker has drained (review activities signal
 * workflows through this client) before the connection goes.
 */
@Injectable()
class TemporalConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

/**
 * The orchestrator's one Temporal client (starting, signalling, querying and
 * scheduling workflows), shared by lifecycle dispatch, ops commands, reviews and
 * reconciliation. The worker's NativeConnection is a different kind of
 * connection in the SDK and stays with TemporalWorkerService.
 */
@Module({})
export class TemporalClientModule {
  static register(env: Pick<OrchestratorEnvironment, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE'>): DynamicModule {
    return {
      module: TemporalClientModule,
      global: true,
      providers: [
        { provide: TEMPORAL_CONNECTION, useFactory: () => Connection.connect({ address: env.TEMPORAL_ADDRESS }) },
        {
          provide: TEMPORAL_CLIENT,
          inject: [TEMPORAL_CONNECTION],
          useFactory: (connection: Connection) => new Client({ connection, namespace: env.TEMPORAL_NAMESPACE }),
        },
        TemporalConnectionCloser,
      ],
      exports: [TEMPORAL_CLIENT],
    };
  }
}
