import { join } from 'node:path';
import { IDENTITY_ENTITIES, IDENTITY_MIGRATIONS } from '../../identity/identity-store.schema';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { UnwatchedWorker } from '../../temporal/unwatched-worker';
import type { Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import type { LifecycleOutcome, LifecycleEvent } from '@tenure/domain';
import { GovernanceRecordMessage, PlanDecisionMessage, TOPICS } from '@tenure/contracts';
import { ensureSchema, postgresOptions } from '@tenure/database';
import type { KafkaPublisher, KeyedMessage } from '@tenure/kafka';
import { LifecycleSettings, loadTenureConfig } from '@tenure/policy';
import { requiredEnv, testStack, waitFor } from '@tenure/testing';
import {
  EMPLOYEE_LIFECYCLE_WORKFLOW,
  EmployeeLifecycleSnapshot,
  employeeSnapshotQuery,
  employeeWorkflowId,
  lifecycleEventSignal,
} from '@tenure/temporal-contracts';
import { IdentityRepository } from '../../identity/identity.repository';
import { MassChangeLedger } from '../../mass-change/mass-change.ledger';
import { MassChangeQueries } from '../../mass-change/mass-change.queries';
import { MassChangesService } from '../../mass-change/mass-changes.service';
import { WorkflowCommandsService } from '../../ops/workflow-commands.service';
import { RunRepository } from '../../identity/run.repository';
import { DecisionPublisher } from '../outcomes/decision.publisher';
import { OutcomePublisher } from '../outcomes/outcome.publisher';
import { PlannerService } from '../planning/planner.service';
import { PolicyService } from '../../policy/policy.service';
import { createLifecycleActivities } from '../activities/lifecycle.activities';
import { workflowBundle } from '../../temporal/workflow-bundle';
import { ConnectorGatewayClient } from '../../gateway/connector-gateway.client';
import type { AppsProbe } from './apps-probe';
import { HistoryCapture } from '../../temporal/test/history-capture';
import { SaasSimProbe } from './saas-sim.probe';
import { SimulatedGateway } from './simulated-gateway';

/**
 * `saas-sim`: the real activities call the test stack's connector gateway and
 * simulated apps. `in-memory`: apps simulated in the test process, for cases
 * that need an app to refuse on cue.
 */
export type HarnessApps = 'saas-sim' | 'in-memory';

export const TASK_QUEUE = 'lifecycle-tests';

/** What a test's further activities (e.g. access reviews) are built from: the harness's own store, apps and Kafka. */
export interface HarnessParts {
  dataSource: DataSource;
  client: TestWorkflowEnvironment['client'];
  publisher: KafkaPublisher;
  gateway: ConnectorGatewayClient;
  policy: PolicyService;
  config: ReturnType<typeof loadTenureConfig>;
}
export const DAY = 86_400_000;
/** Longer than any call to the test server takes, even on a busy machine. */
const CALL_DEADLINE_MS = 10_000;

/** Captures what the activities publish, as the audit service would receive it. */
class CapturingPublisher {
  readonly messages: { topic: string; value: unknown }[] = [];
  async publish(topic: string, messages: KeyedMessage[]): Promise<void> {
    this.messages.push(...messages.map((message) => ({ topic, value: message.value })));
  }
}

/**
 * The lifecycle workflow on Temporal's time-skipping test server, with the real
 * activities over the real identity store in PostgreSQL and the real planner,
 * against the running gateway and simulated apps (or apps in memory).
 */
export class LifecycleHarness {
  private constructor(
    readonly env: TestWorkflowEnvironment,
    readonly apps: AppsProbe,
    private readonly inMemory: SimulatedGateway | undefined,
    readonly identity: IdentityRepository,
    readonly runs: RunRepository,
    private readonly published: CapturingPublisher,
    private readonly dataSource: DataSource,
    private readonly worker: Worker,
    private readonly running: Promise<void>,
    /** The held batches, decided as the ops API decides them. */
    readonly massChanges: MassChangesService,
    /** Every plan the workflow asked for, by the event (or access request) planned. */
    readonly plannedEvents: string[],
    private readonly ownSchema: string | undefined,
    private readonly capture = HistoryCapture.fromEnv(),
  ) {}

  /**
   * `schema`: an identity schema of the test's own (dropped at the end), for
   * tests whose mass-change ledger must not count against the test stack's.
   */
  static async start(
    settings: Partial<LifecycleSettings>,
    apps: HarnessApps = 'saas-sim',
    options: { schema?: string; activities?: (parts: HarnessParts) => object } = {},
  ): Promise<LifecycleHarness> {
    const stack = testStack();
    const env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: requiredEnv('TENURE_TEMPORAL_TEST_SERVER_BIN') } },
    });
    const settingsOptions = { url: stack.databaseUrl, schema: options.schema ?? 'identity', poolSize: 4 };
    await ensureSchema(settingsOptions.url, settingsOptions.schema);
    const dataSource = await new DataSource(
      postgresOptions({
        ...settingsOptions,
        entities: IDENTITY_ENTITIES,
        // The orchestrator's migrations, in order: the test stack's orchestrator shares this schema.
        migrations: IDENTITY_MIGRATIONS,
      }),
    ).initialize();
    const config = loadTenureConfig(join(__dirname, '../../../../../config'), stack.env);
    Object.assign(config.policy.lifecycle, settings);
    const policy = new PolicyService(config);
    const identity = new IdentityRepository(dataSource);
    const runs = new RunRepository(dataSource);
    const inMemory = apps === 'in-memory' ? new SimulatedGateway() : undefined;
    const gateway =
      inMemory ?? new ConnectorGatewayClient(requiredEnv('CONNECTOR_GATEWAY_URL'), requiredEnv('TENURE_GATEWAY_TOKEN'));
    const published = new CapturingPublisher();
    const publisher = published as unknown as KafkaPublisher;
    const ledger = new MassChangeLedger(dataSource, () => policy.lifecycle.massChange);
    const plannedEvents: string[] = [];
    const planner = new PlannerService(identity, runs, gateway, policy);
    // Every plan counts, whichever local activity asked for it.
    const plan = planner.plan.bind(planner);
    planner.plan = (subject, now) => {
      plannedEvents.push(subject.kind === 'event' ? subject.event.eventId : `access-${subject.request.requestId}`);
      return plan(subject, now);
    };
    const activities = createLifecycleActivities({
      identity,
      runs,
      gateway,
      planner,
      massChanges: ledger,
      outcomes: new OutcomePublisher(publisher),
      decisions: new DecisionPublisher(publisher),
    });
    const worker = await UnwatchedWorker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUE,
      workflowBundle: await workflowBundle(),
      activities: {
        ...activities,
        ...options.activities?.({
          dataSource,
          client: env.client,
          publisher,
          gateway: gateway as ConnectorGatewayClient,
          policy,
          config,
        }),
      },
    });
    const running = worker.run();
    const probe = inMemory ?? new SaasSimProbe();
    const massChanges = new MassChangesService(
      ledger,
      new MassChangeQueries(dataSource),
      new WorkflowCommandsService(env.client),
      policy,
    );
    return new LifecycleHarness(
      env,
      probe,
      inMemory,
      identity,
      runs,
      published,
      dataSource,
      worker,
      running,
      massChanges,
      plannedEvents,
      options.schema,
    );
  }

  /** The running simulated apps, for their sessions and owned items. */
  get saasSim(): SaasSimProbe {
    if (!(this.apps instanceof SaasSimProbe)) throw new Error('start the harness with the saas-sim apps');
    return this.apps;
  }

  /** The in-memory apps, to make one refuse. */
  get faults(): SimulatedGateway {
    if (!this.inMemory) throw new Error('start the harness with in-memory apps to inject refusals');
    return this.inMemory;
  }

  async stop(): Promise<void> {
    await this.capture.write(this.env.client.workflow);
    this.worker.shutdown();
    await this.running;
    await this.env.teardown();
    if (this.ownSchema) await this.dataSource.query(`DROP SCHEMA "${this.ownSchema}" CASCADE`);
    await this.dataSource.destroy();
  }

  async now(): Promise<number> {
    return this.env.currentTimeMs();
  }

  async send(event: LifecycleEvent, historyLimit?: number): Promise<void> {
    const workflowId = employeeWorkflowId(event.employee.employeeId);
    this.capture.remember(workflowId);
    const signal = () =>
      this.env.client.workflow.signalWithStart(EMPLOYEE_LIFECYCLE_WORKFLOW, {
        workflowId,
        taskQueue: TASK_QUEUE,
        args: [{ employeeId: event.employee.employeeId, historyLimit }],
        signal: lifecycleEventSignal,
        signalArgs: [event],
      });
    // The test server can leave a signal that arrives while the run continues
    // as new unanswered (temporalio/sdk-java#1537); send it again, as the
    // orchestrator's consumer would: the workflow takes an event id once.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.withinDeadline(signal);
        return;
      } catch (error) {
        if (attempt === 3 || !deadlineExceeded(error)) throw error;
      }
    }
  }

  private withinDeadline<T>(call: () => Promise<T>): Promise<T> {
    return this.env.client.connection.withDeadline(Date.now() + CALL_DEADLINE_MS, call);
  }

  /** A workflow the test started itself (e.g. an access review campaign), for the captured histories. */
  remember(workflowId: string): void {
    this.capture.remember(workflowId);
  }

  handle(employeeId: string) {
    return this.env.client.workflow.getHandle(employeeWorkflowId(employeeId));
  }

  /**
   * With a deadline: on a busy machine a query can be caught by the test
   * server dropping the connection (too many keep-alive pings) and never
   * answer; the next poll asks again.
   */
  snapshot(employeeId: string): Promise<EmployeeLifecycleSnapshot> {
    return this.withinDeadline(() => this.handle(employeeId).query(employeeSnapshotQuery));
  }

  /** Waits (in real time) until the workflow has worked through what it has and the condition holds. */
  async settle(
    employeeId: string,
    accept: (snapshot: EmployeeLifecycleSnapshot) => boolean,
    description: string,
  ): Promise<EmployeeLifecycleSnapshot> {
    return waitFor(
      () => this.snapshot(employeeId),
      (snapshot) =>
        snapshot.pendingEvents === 0 && !snapshot.runs.some((run) => run.status === 'running') && accept(snapshot),
      { description, timeoutMs: 30_000 },
    );
  }

  /** Waits (in real time) for a condition, even while an app step is still being retried. */
  async until(
    employeeId: string,
    accept: (snapshot: EmployeeLifecycleSnapshot) => boolean,
    description: string,
  ): Promise<EmployeeLifecycleSnapshot> {
    return waitFor(() => this.snapshot(employeeId), accept, { description, timeoutMs: 30_000 });
  }

  outcomes(employeeId: string): LifecycleOutcome[] {
    return this.published.messages
      .map((message) => message.value as LifecycleOutcome)
      .filter((value) => value.employeeId === employeeId && 'outcomeId' in value);
  }

  /** Access-review and separation-of-duties records, as the audit service would receive them. */
  governance(): GovernanceRecordMessage[] {
    return this.published.messages
      .filter((message) => message.topic === TOPICS.governanceRecords)
      .map((message) => message.value as GovernanceRecordMessage);
  }

  decisions(employeeId: string): PlanDecisionMessage[] {
    return this.published.messages
      .map((message) => message.value as PlanDecisionMessage)
      .filter((value) => value.employeeId === employeeId && 'decisionId' in value);
  }
}

/** gRPC DEADLINE_EXCEEDED, as thrown or as the cause the Temporal client wraps. */
function deadlineExceeded(error: unknown): boolean {
  const DEADLINE_EXCEEDED = 4;
  const { code, cause } = error as { code?: number; cause?: { code?: number } };
  return code === DEADLINE_EXCEEDED || cause?.code === DEADLINE_EXCEEDED;
}

let sequence = 0;

export function lifecycleEvent(
  type: LifecycleEvent['type'],
  employee: LifecycleEvent['employee'],
  at: { effectiveAt: string; receivedAt: string },
  extra: Partial<LifecycleEvent> = {},
): LifecycleEvent {
  return {
    eventId: `evt-${type}-${++sequence}-${employee.employeeId}`,
    source: 'generic',
    type,
    employee,
    ...at,
    ...extra,
  };
}
