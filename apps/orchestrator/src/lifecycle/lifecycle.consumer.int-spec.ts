import { KafkaContext } from '@nestjs/microservices';
import { Client, Connection, isGrpcServiceError, WorkflowNotFoundError } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import pino from 'pino';
import { TOPICS } from '@tenure/contracts';
import { createKafka, DeadLetterPublisher, KafkaPublisher } from '@tenure/kafka';
import { employeeWorkflowId } from '@tenure/temporal-contracts';
import {
  createTopics,
  deleteTopics,
  employeeFixture,
  readTopic,
  TcpProxy,
  testStack,
  uniqueId,
  waitFor,
} from '@tenure/testing';
import type { OrchestratorEnvironment } from '../orchestrator.environment';
import { LifecycleDispatcherService } from './lifecycle-dispatcher.service';
import { LifecycleConsumer } from './lifecycle.consumer';

/**
 * The HR-event consumer against the real Kafka and Temporal, Temporal behind a
 * proxy the test cuts: Temporal away is no bad message, the event waits in
 * place and reaches the person's workflow once Temporal is back.
 */
describe('HR events from Kafka into the workflows', () => {
  const stack = testStack();
  const prefix = `${uniqueId('hr-consumer').toLowerCase()}.`;
  const logger = pino({ level: 'silent' });
  // No worker polls this queue: the workflows are only started and signalled, never run.
  const taskQueue = uniqueId('consumer-tests');
  let proxy: TcpProxy;
  // The service's kind of connection (TemporalClientModule), so hires are started eagerly as in production.
  let proxied: NativeConnection;
  let direct: Connection;
  let publisher: KafkaPublisher;
  let kafkaConsumer: Consumer;

  beforeAll(async () => {
    await createTopics(stack.kafkaBrokers, prefix);
    const [host, port] = stack.temporalAddress.split(':');
    proxy = await TcpProxy.start({ host, port: Number(port) });
    proxied = await NativeConnection.connect({ address: `127.0.0.1:${proxy.port}` });
    direct = await Connection.connect({ address: stack.temporalAddress });
    publisher = new KafkaPublisher(createKafka('tenure-tests', stack.kafkaBrokers, logger), prefix);
    const dispatcher = new LifecycleDispatcherService(
      new Client({ connection: proxied, namespace: stack.temporalNamespace }),
      { TEMPORAL_TASK_QUEUE: taskQueue } as OrchestratorEnvironment,
    );
    const consumer = new LifecycleConsumer(dispatcher, new DeadLetterPublisher(publisher), logger);
    const kafka = new Kafka({ clientId: 'tenure-tests', brokers: stack.kafkaBrokers, logLevel: logLevel.NOTHING });
    kafkaConsumer = kafka.consumer({ groupId: `${prefix}orchestrator` });
    await kafkaConsumer.connect();
    await kafkaConsumer.subscribe({ topic: `${prefix}${TOPICS.hrLifecycle}`, fromBeginning: true });
    await kafkaConsumer.run({
      eachMessage: ({ message, partition, topic, heartbeat }) => {
        const context = new KafkaContext([message, partition, topic, kafkaConsumer, heartbeat, undefined as never]);
        return consumer.onLifecycleEvent(JSON.parse(message.value?.toString() ?? 'null'), context);
      },
    });
  });

  afterAll(async () => {
    proxy?.restore();
    await kafkaConsumer?.disconnect();
    await publisher?.close();
    await proxied?.close();
    await direct?.close();
    await proxy?.close();
    await deleteTopics(stack.kafkaBrokers, prefix);
  });

  const workflows = () => new Client({ connection: direct, namespace: stack.temporalNamespace }).workflow;

  const decoded = <T>(payloads: { data?: Uint8Array | null }[] | null | undefined): T =>
    JSON.parse(Buffer.from(payloads?.[0]?.data ?? []).toString()) as T;

  /** The events the workflow was handed: the one it was started with (a hire), then those signalled. */
  async function deliveredEventIds(employeeId: string): Promise<string[]> {
    const handle = workflows().getHandle(employeeWorkflowId(employeeId));
    try {
      const history = await handle.fetchHistory();
      return (history.events ?? []).flatMap((event) => {
        const started = event.workflowExecutionStartedEventAttributes;
        if (started) {
          const input = decoded<{ pendingEvents?: { eventId: string }[] }>(started.input?.payloads);
          return (input.pendingEvents ?? []).map((pending) => pending.eventId);
        }
        const signalled = event.workflowExecutionSignaledEventAttributes;
        return signalled ? [decoded<{ eventId: string }>(signalled.input?.payloads).eventId] : [];
      });
    } catch (error) {
      // Not started yet: no history at all.
      if (error instanceof WorkflowNotFoundError || (isGrpcServiceError(error) && error.code === 5)) return [];
      throw error;
    }
  }

  const hrEvent = (employee: ReturnType<typeof employeeFixture>, eventId: string) => {
    const now = new Date().toISOString();
    return { eventId, source: 'generic', type: 'hire', effectiveAt: now, receivedAt: now, employee };
  };

  it('holds an event while Temporal is away and hands it, and the next one, to the workflow once it is back', async () => {
    const employee = employeeFixture();
    const [first, second] = [uniqueId('evt-1'), uniqueId('evt-2')];
    proxy.cut();
    try {
      await publisher.publish(TOPICS.hrLifecycle, [
        { key: employee.employeeId, value: hrEvent(employee, first) },
        { key: employee.employeeId, value: hrEvent(employee, second) },
      ]);
      // Several retries with back-off happen meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      expect(await deliveredEventIds(employee.employeeId)).toEqual([]);
    } finally {
      proxy.restore();
    }
    const delivered = await waitFor(
      () => deliveredEventIds(employee.employeeId),
      (ids) => ids.length === 2,
      { description: 'both events handed to the workflow once Temporal is back', timeoutMs: 45_000 },
    );
    // The first hire started the workflow; the second found it running and was signalled.
    expect(delivered).toEqual([first, second]);
    const letters = await readTopic(stack.kafkaBrokers, `${prefix}${TOPICS.deadLetter}`);
    expect(letters.filter((letter) => JSON.stringify(letter.value).includes(employee.employeeId))).toEqual([]);
    await workflows().getHandle(employeeWorkflowId(employee.employeeId)).terminate('test done');
  });
});
