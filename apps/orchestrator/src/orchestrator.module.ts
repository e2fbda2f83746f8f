import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { IDENTITY_ENTITIES, IDENTITY_MIGRATIONS, IDENTITY_SCHEMA } from './identity/identity-store.schema';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { loadAuthConfig, signInGuardProvider } from '@tenure/auth';
import { ENVIRONMENT } from '@tenure/config';
import { databaseReadiness, serviceDatabaseModule } from '@tenure/database';
import { HealthController, MetricsModule, readinessChecks } from '@tenure/http';
import { KAFKA_PUBLISHER, KAFKA_READINESS, KafkaPublisher, KafkaReadiness } from '@tenure/kafka';
import { createLogger, createLoggerModule } from '@tenure/observability';
import { loadTenureConfig } from '@tenure/policy';
import { MassChangeQueries } from './mass-change/mass-change.queries';
import { MassChangesController } from './mass-change/mass-changes.controller';
import { MassChangesService } from './mass-change/mass-changes.service';
import { AccessRequestQueueController } from './ops/access-request-queue.controller';
import { AccessRequestQueueService } from './ops/access-request-queue.service';
import { AccessRequestsController } from './ops/access-requests.controller';
import { AppHealthController } from './ops/app-health.controller';
import { AppHealthService } from './ops/app-health.service';
import { AccessRequestsService } from './ops/access-requests.service';
import { EmployeesController } from './ops/employees.controller';
import { EmployeesService } from './ops/employees.service';
import { opsServiceCredentials } from './ops/ops-access';
import { PeopleController } from './ops/people.controller';
import { PeopleSearchService } from './ops/people-search.service';
import { PlansController } from './ops/plans.controller';
import { PlansService } from './ops/plans.service';
import { RunsController } from './ops/runs.controller';
import { RunsService } from './ops/runs.service';
import { WorkflowCommandsService } from './ops/workflow-commands.service';
import type { OrchestratorEnvironment } from './orchestrator.environment';
import { OutcomePublisher } from './lifecycle/outcomes/outcome.publisher';
import { PolicyPreviewModule } from './policy-preview/policy-preview.module';
import { PolicyRolloutController } from './policy-rollout/policy-rollout.controller';
import { PolicyRolloutService } from './policy-rollout/policy-rollout.service';
import { POLICY_TEXT, PolicyController } from './policy/policy.controller';
import { PolicyService } from './policy/policy.service';
import { reconciliationActivitiesProvider, ReconciliationModule } from './reconciliation/reconciliation.module';
import { ReconciliationService } from './reconciliation/reconciliation.service';
import { createReviewActivities } from './reviews/access-review.activities';
import { ReviewDecisions } from './reviews/review-decisions';
import { ReviewRevoker } from './reviews/review-revoker';
import { ReviewsController } from './reviews/reviews.controller';
import { ReviewsRepository } from './reviews/reviews.repository';
import { ReviewsService } from './reviews/reviews.service';
import { REVIEW_ACTIVITIES, REVIEW_TASK_QUEUE } from './reviews/reviews.tokens';
import { GovernancePublisher } from './sod/governance.publisher';
import { HeldAccessReader } from './sod/held-access.reader';
import { ConnectorGatewayClient } from './gateway/connector-gateway.client';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { LifecycleDispatcherService } from './lifecycle/lifecycle-dispatcher.service';
import { OrchestratorCoreModule } from './orchestrator-core.module';
import { temporalReadiness } from './temporal/temporal-readiness';
import { TemporalClientModule } from './temporal/temporal-client.module';
import { TemporalWorkerService } from './temporal/temporal-worker.service';
import { TEMPORAL_CLIENT } from './temporal/temporal.tokens';

export { IDENTITY_SCHEMA };

@Module({})
export class OrchestratorModule {
  static register(env: OrchestratorEnvironment): DynamicModule {
    // Policy is validated before anything starts: a bad file stops the service with file, path and problem.
    const config = loadTenureConfig(env.TENURE_CONFIG_DIR);
    const auth = loadAuthConfig(env.TENURE_CONFIG_DIR);
    return {
      module: OrchestratorModule,
      imports: [
        OrchestratorCoreModule.register(env, config),
        createLoggerModule('orchestrator', env.LOG_LEVEL),
        MetricsModule.forService({ service: 'orchestrator', tokens: [env.TENURE_METRICS_TOKEN, env.TENURE_OPS_TOKEN] }),
        serviceDatabaseModule({
          url: env.DATABASE_URL,
          migrationUrl: env.DATABASE_MIGRATION_URL,
          schema: IDENTITY_SCHEMA,
          entities: IDENTITY_ENTITIES,
          migrations: IDENTITY_MIGRATIONS,
        }),
        // Before ReconciliationModule: it is the one Temporal client every part of the service uses.
        TemporalClientModule.register(env),
        LifecycleModule,
        PolicyPreviewModule.register(config),
        ReconciliationModule.register(env),
      ],
      controllers: [
        HealthController,
        EmployeesController,
        RunsController,
        AccessRequestsController,
        PlansController,
        PolicyRolloutController,
        MassChangesController,
        ReviewsController,
        PeopleController,
        AppHealthController,
        AccessRequestQueueController,
        PolicyController,
      ],
      providers: [
        signInGuardProvider<OrchestratorEnvironment>(
          ENVIRONMENT,
          (e) => ({
            oidc: { issuer: e.TENURE_OIDC_ISSUER, audience: e.TENURE_OIDC_AUDIENCE },
            services: opsServiceCredentials(e),
          }),
          auth,
        ),
        readinessChecks(
          [DataSource, TEMPORAL_CLIENT, KAFKA_READINESS],
          (db: DataSource, temporal: Client, kafka: KafkaReadiness) => [
            databaseReadiness(db),
            temporalReadiness(temporal),
            kafka,
          ],
        ),
        { provide: POLICY_TEXT, useValue: readFileSync(join(env.TENURE_CONFIG_DIR, 'policy.yaml'), 'utf8') },
        PeopleSearchService,
        AppHealthService,
        AccessRequestQueueService,
        { provide: MassChangeQueries, inject: [DataSource], useFactory: (d: DataSource) => new MassChangeQueries(d) },
        MassChangesService,
        // Access reviews.
        ReviewsRepository,
        {
          provide: ReviewDecisions,
          inject: [
            ReviewsRepository,
            WorkflowCommandsService,
            KAFKA_PUBLISHER,
            GovernancePublisher,
            ConnectorGatewayClient,
          ],
          useFactory: (
            reviews: ReviewsRepository,
            commands: WorkflowCommandsService,
            publisher: KafkaPublisher,
            records: GovernancePublisher,
            gateway: ConnectorGatewayClient,
          ) =>
            new ReviewDecisions(
              reviews,
              new ReviewRevoker(commands, gateway, new OutcomePublisher(publisher)),
              records,
            ),
        },
        { provide: REVIEW_TASK_QUEUE, useValue: env.TEMPORAL_TASK_QUEUE },
        ReviewsService,
        {
          provide: REVIEW_ACTIVITIES,
          inject: [
            ReviewsRepository,
            ReviewDecisions,
            HeldAccessReader,
            DataSource,
            GovernancePublisher,
            ReconciliationService,
            PolicyService,
          ],
          useFactory: (
            reviews: ReviewsRepository,
            decisions: ReviewDecisions,
            held: HeldAccessReader,
            dataSource: DataSource,
            records: GovernancePublisher,
            reconciliations: ReconciliationService,
            policy: PolicyService,
          ) =>
            createReviewActivities({
              reviews,
              decisions,
              held,
              dataSource,
              policy,
              sodRules: config.sod.rules,
              records,
              reconciliationReport: async (id) => {
                const run = await reconciliations.get(id).catch(() => undefined);
                return run?.status === 'completed' ? run.report : undefined;
              },
              logger: createLogger('orchestrator.reviews', env.LOG_LEVEL),
            }),
        },
        reconciliationActivitiesProvider({
          autoDisableOrphans: config.apps.reconciliation.autoDisableOrphans,
          maxAutoDisable: config.apps.reconciliation.maxAutoDisable,
        }),
        EmployeesService,
        RunsService,
        AccessRequestsService,
        PlansService,
        WorkflowCommandsService,
        {
          provide: PolicyRolloutService,
          inject: [DataSource, LifecycleDispatcherService],
          useFactory: (dataSource: DataSource, dispatcher: LifecycleDispatcherService) =>
            new PolicyRolloutService(config, dataSource, dispatcher),
        },
        TemporalWorkerService,
      ],
    };
  }
}
