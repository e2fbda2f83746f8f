import { Module } from '@nestjs/common';
import { KAFKA_PUBLISHER, KafkaPublisher } from '@tenure/kafka';
import { DataSource } from 'typeorm';
import { ConnectorGatewayClient } from '../gateway/connector-gateway.client';
import { IdentityRepository } from '../identity/identity.repository';
import { RunRepository } from '../identity/run.repository';
import { MassChangeLedger } from '../mass-change/mass-change.ledger';
import { PolicyService } from '../policy/policy.service';
import { SodModule } from '../sod/sod.module';
import { SodService } from '../sod/sod.service';
import { createLifecycleActivities } from './activities/lifecycle.activities';
import { LifecycleDispatcherService } from './lifecycle-dispatcher.service';
import { LifecycleConsumer } from './lifecycle.consumer';
import { LIFECYCLE_ACTIVITIES, PLANNER } from './lifecycle.tokens';
import { DecisionPublisher } from './outcomes/decision.publisher';
import { OutcomePublisher } from './outcomes/outcome.publisher';
import { PlannerService } from './planning/planner.service';

/**
 * The joiner/mover/leaver lifecycle, end to end: HR events from Kafka
 * (LifecycleConsumer) to each person's workflow (LifecycleDispatcherService;
 * the workflow code is in workflow/), the activities it runs (activities/),
 * the plans they carry out (planning/) and the outcomes and decisions they
 * publish (outcomes/). The worker that runs the workflow is TemporalWorkerService,
 * shared with reconciliation and reviews.
 */
@Module({
  imports: [SodModule],
  controllers: [LifecycleConsumer],
  providers: [
    {
      provide: PLANNER,
      inject: [IdentityRepository, RunRepository, ConnectorGatewayClient, PolicyService],
      useFactory: (
        identity: IdentityRepository,
        runs: RunRepository,
        gateway: ConnectorGatewayClient,
        policy: PolicyService,
      ) => new PlannerService(identity, runs, gateway, policy),
    },
    {
      provide: MassChangeLedger,
      inject: [DataSource, PolicyService],
      useFactory: (dataSource: DataSource, policy: PolicyService) =>
        new MassChangeLedger(dataSource, () => policy.lifecycle.massChange),
    },
    {
      provide: LIFECYCLE_ACTIVITIES,
      inject: [
        IdentityRepository,
        RunRepository,
        PLANNER,
        KAFKA_PUBLISHER,
        MassChangeLedger,
        SodService,
        ConnectorGatewayClient,
      ],
      useFactory: (
        identity: IdentityRepository,
        runs: RunRepository,
        planner: PlannerService,
        publisher: KafkaPublisher,
        massChanges: MassChangeLedger,
        sod: SodService,
        gateway: ConnectorGatewayClient,
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
    LifecycleDispatcherService,
  ],
  exports: [PLANNER, MassChangeLedger, LIFECYCLE_ACTIVITIES, LifecycleDispatcherService, SodModule],
})
export class LifecycleModule {}
