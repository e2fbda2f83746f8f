import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createLogger } from '@tenure/observability';
import type { OrchestratorEnvironment } from '../orchestrator.environment';
import { installTemporalRuntime } from './temporal-logging';
import { TEMPORAL_CLIENT, TEMPORAL_CONNECTION } from './temporal.tokens';

/**
 * Closes the one connection when the service stops. Nest shuts global
 * modules down last, so the worker has drained (review activities signal
 * workflows through this client) before the connection goes.
 */
@Injectable()
class TemporalConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: NativeConnection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

/**
 * The orchestrator's one Temporal connection and client (starting,
 * signalling, querying and scheduling workflows), shared by lifecycle
 * dispatch, ops commands, reviews, reconciliation and the worker itself.
 * It is the SDK's native connection, the worker's kind: a client on it can
 * start a workflow eagerly, its first task handed straight to this process's
 * worker instead of a round trip through the task queue, and its calls run in
 * the SDK's Rust core instead of a second gRPC stack on the service's thread.
 */
@Module({})
export class TemporalClientModule {
  static register(
    env: Pick<OrchestratorEnvironment, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE' | 'LOG_LEVEL'>,
  ): DynamicModule {
    return {
      module: TemporalClientModule,
      global: true,
      providers: [
        {
          provide: TEMPORAL_CONNECTION,
          useFactory: () => {
            // The runtime takes its logger once, before the first native connection.
            installTemporalRuntime(createLogger('orchestrator.temporal', env.LOG_LEVEL));
            return NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
          },
        },
        {
          provide: TEMPORAL_CLIENT,
          inject: [TEMPORAL_CONNECTION],
          useFactory: (connection: NativeConnection) => new Client({ connection, namespace: env.TEMPORAL_NAMESPACE }),
        },
        TemporalConnectionCloser,
      ],
      exports: [TEMPORAL_CLIENT, TEMPORAL_CONNECTION],
    };
  }
}
