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
import { KAFKA_PUBLISHER, KAFKA_READINESS, KafkaPublisher, KafkaReadiness, kafkaProviders } from '@tenure/kafka';
import { createLogger, createLoggerModule } from '@tenure/observability';
import { loadTenureConfig } from '@tenure/policy';
import { ConnectorGatewayClient } from './gateway/connector-gateway.client';
import { IdentityRepository } from './identity/identity.repository';
import { RunRepository } from './identity/run.repository';
import { LifecycleDispatcherService } from './lifecycle/lifecycle-dispatcher.service';
import { OrchestratorMetrics } from './metrics/orchestrator-metrics';
import { LifecycleConsumer } from './lifecycle/lifecycle.consumer';
import { MassChangeLedger } from './mass-change/mass-change.ledger';
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
import { DecisionPublisher } from './outcomes/decision.publisher';
import { OutcomePublisher } from './outcomes/outcome.publisher';
import { PlannerService } from './planning/planner.service';
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
import { GovernancePublisher } from './outcomes/governance.publisher';
import { HeldAccessReader } from './sod/held-access.reader';
import { SodController } from './sod/sod.controller';
import { SodService } from './sod/sod.service';
import { createLifecycleActivities } from './temporal/activities/lifecycle.activities';
import { temporalReadiness } from './temporal/temporal-readiness';
import { TemporalClientModule } from './temporal/temporal-client.module';
import { TemporalWorkerService } from './temporal/temporal-worker.service';
import { LIFECYCLE_ACTIVITIES, PLANNER, TEMPORAL_CLIENT } from './temporal/temporal.tokens';

export { IDENTITY_SCHEMA };

@Module({})
export class OrchestratorModule {
  static register(env: OrchestratorEnvironment): DynamicModule {
    // Policy is validated before anything starts: a bad file stops the service with file, path and problem.
    const config = loadTenureConfig(env.TENURE_CONFIG_DIR);
    const policy = new PolicyService(config);
    const auth = loadAuthConfig(env.TENURE_CONFIG_DIR);
    // The one gateway client: lifecycle activities, planning, reconciliation, review revokes and app health share it.
    const gateway = new ConnectorGatewayClient(env.CONNECTOR_GATEWAY_URL, env.TENURE_GATEWAY_TOKEN);
    return {
      module: OrchestratorModule,
      imports: [
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
        SodController,
        PeopleController,
        AppHealthController,
        AccessRequestQueueController,
        PolicyController,
        LifecycleConsumer,
      ],
      providers: [
        { provide: ENVIRONMENT, useValue: env },
        signInGuardProvider<OrchestratorEnvironment>(
          ENVIRONMENT,
          (e) => ({
            oidc: { issuer: e.TENURE_OIDC_ISSUER, audience: e.TENURE_OIDC_AUDIENCE },
            services: opsServiceCredentials(e),
          }),
          auth,
        ),
        ...kafkaProviders('orchestrator', env),
        readinessChecks(
          [DataSource, TEMPORAL_CLIENT, KAFKA_READINESS],
          (db: DataSource, temporal: Client, kafka: KafkaReadiness) => [
            databaseReadiness(db),
            temporalReadiness(temporal),
            kafka,
          ],
        ),
        { provide: PolicyService, useValue: policy },
        { provide: POLICY_TEXT, useValue: readFileSync(join(env.TENURE_CONFIG_DIR, 'policy.yaml'), 'utf8') },
        { provide: ConnectorGatewayClient, useValue: gateway },
        PeopleSearchService,
        AppHealthService,
        AccessRequestQueueService,
        {
          provide: PLANNER,
          inject: [IdentityRepository, RunRepository],
          useFactory: (identity: IdentityRepository, runs: RunRepository) =>
            new PlannerService(identity, runs, gateway, policy),
        },
        {
          provide: MassChangeLedger,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new MassChangeLedger(dataSource, () => policy.lifecycle.massChange),
        },
        { provide: MassChangeQueries, inject: [DataSource], useFactory: (d: DataSource) => new MassChangeQueries(d) },
        MassChangesService,
        {
          provide: LIFECYCLE_ACTIVITIES,
          inject: [IdentityRepository, RunRepository, PLANNER, KAFKA_PUBLISHER, MassChangeLedger, SodService],
          useFactory: (
            identity: IdentityRepository,
            runs: RunRepository,
            planner: PlannerService,
            publisher: KafkaPublisher,
            massChanges: MassChangeLedger,
            sod: SodService,
          ) =>
            createLifecycleActivities({
              identity,
              runs,
              planner,
              massChanges,
              sod,
              gateway,
              outcomes: new OutcomePublisher(publisher),
              decisions: new DecisionPublisher(publisher),
            }),
        },
        OrchestratorMetrics,
        // Separation of duties and access reviews.
        {
          provide: GovernancePublisher,
          inject: [KAFKA_PUBLISHER],
          useFactory: (p: KafkaPublisher) => new GovernancePublisher(p),
        },
        HeldAccessReader,
        {
          provide: SodService,
          inject: [HeldAccessReader, GovernancePublisher, DataSource],
          useFactory: (held: HeldAccessReader, records: GovernancePublisher, dataSource: DataSource) =>
            new SodService(config.sod.rules, held, records, dataSource),
        },
        ReviewsRepository,
        {
          provide: ReviewDecisions,
          inject: [ReviewsRepository, WorkflowCommandsService, KAFKA_PUBLISHER, GovernancePublisher],
          useFactory: (
            reviews: ReviewsRepository,
            commands: WorkflowCommandsService,
            publisher: KafkaPublisher,
            records: GovernancePublisher,
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
          ],
          useFactory: (
            reviews: ReviewsRepository,
            decisions: ReviewDecisions,
            held: HeldAccessReader,
            dataSource: DataSource,
            records: GovernancePublisher,
            reconciliations: ReconciliationService,
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
        IdentityRepository,
        RunRepository,
        EmployeesService,
        RunsService,
        AccessRequestsService,
        PlansService,
        WorkflowCommandsService,
        LifecycleDispatcherService,
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
