import { ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { TOPICS } from '@tenure/contracts';
import {
  createTopics,
  deleteTopics,
  EmployeeFixture,
  freePort,
  publishRaw,
  requiredEnv,
  testStack,
  uniqueId,
  waitFor,
} from '@tenure/testing';
import { accessTokenOf } from './dev-sign-in';

const ORCHESTRATOR_MAIN = join(__dirname, '../../dist/apps/orchestrator/src/main.js');
const stack = testStack();

export interface Answer<T> {
  status: number;
  body: T;
}

async function adminSql(sql: string): Promise<void> {
  const client = new PgClient({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * An orchestrator of a test's own (built, as in production) with a policy.yaml
 * the test writes, so it can hold settings the shipped configuration must not
 * (a tiny mass-change limit) or restart with another policy. It has its own
 * database, topics, Temporal namespace and task queue, and uses the test
 * stack's gateway and simulated apps; HR events reach it through its own topic.
 */
export class OwnOrchestrator {
  private readonly suffix = uniqueId('o')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  private readonly database = `tenure_${this.name}_${this.suffix}`;
  private readonly topicPrefix = `${this.name}-${this.suffix}.`;
  private readonly configDir = mkdtempSync(join(tmpdir(), `tenure-${this.name}-config-`));
  private readonly namespace = `tenure-${this.name}-test`;
  private readonly opsToken = requiredEnv('TENURE_OPS_TOKEN');
  private child: ChildProcess | undefined;
  private output = '';
  private opsUrl = '';

  constructor(private readonly name: string) {}

  async prepare(): Promise<void> {
    await adminSql(`CREATE DATABASE "${this.database}"`);
    await createTopics(stack.kafkaBrokers, this.topicPrefix);
    await this.ensureNamespace();
    for (const file of ['apps.yaml', 'auth.yaml'])
      copyFileSync(join(requiredEnv('TENURE_CONFIG_DIR'), file), join(this.configDir, file));
  }

  async start(policy: string): Promise<void> {
    writeFileSync(join(this.configDir, 'policy.yaml'), policy);
    const port = await freePort();
    this.opsUrl = `http://127.0.0.1:${port}`;
    this.output = '';
    const databaseUrl = new URL(stack.databaseUrl);
    databaseUrl.pathname = `/${this.database}`;
    this.child = spawn(process.execPath, [ORCHESTRATOR_MAIN], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl.toString(),
        TENURE_TOPIC_PREFIX: this.topicPrefix,
        TEMPORAL_NAMESPACE: this.namespace,
        TEMPORAL_TASK_QUEUE: `tenure-${this.name}-${this.suffix}`,
        ORCHESTRATOR_PORT: String(port),
        TENURE_CONFIG_DIR: this.configDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    await waitFor(
      () =>
        fetch(`${this.opsUrl}/health`).then(
          (r) => r.status,
          () => 0,
        ),
      (status) => status === 200,
      { description: `the orchestrator to start; output: ${this.output.slice(-1500)}`, timeoutMs: 60_000 },
    );
  }

  /** Where its ops API answers (after start). */
  get url(): string {
    return this.opsUrl;
  }

  /** Its topics: `<prefix><topic>`. */
  get topics(): string {
    return this.topicPrefix;
  }

  /** What the orchestrator logged since its last start. */
  get log(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  async dispose(): Promise<void> {
    await this.stop();
    await deleteTopics(stack.kafkaBrokers, this.topicPrefix).catch(() => undefined);
    await adminSql(`DROP DATABASE IF EXISTS "${this.database}"`).catch(() => undefined);
  }

  /**
   * Reads with the ops service credential; decisions (POST) as a signed-in
   * development user, `actor` (default the approver maria); `actor: ''` sends
   * a POST with the service credential.
   */
  async ops<T>(path: string, init: RequestInit & { actor?: string } = {}): Promise<Answer<T>> {
    const { actor, ...rest } = init;
    const user = actor ?? (rest.method === 'POST' ? 'maria' : '');
    const token = user === '' ? this.opsToken : await accessTokenOf(user);
    const response = await fetch(`${this.opsUrl}${path}`, {
      ...rest,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...rest.headers },
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  /** An HR event as hr-ingest would publish it; returns its eventId. */
  async publish(type: string, employee: EmployeeFixture, source = 'generic'): Promise<string> {
    const receivedAt = new Date().toISOString();
    const eventId = uniqueId(`evt-${type}`);
    const event = { eventId, source, type, effectiveAt: receivedAt, receivedAt, employee };
    await publishRaw(
      stack.kafkaBrokers,
      `${this.topicPrefix}${TOPICS.hrLifecycle}`,
      employee.employeeId,
      JSON.stringify(event),
    );
    return eventId;
  }

  private async ensureNamespace(): Promise<void> {
    const connection = await Connection.connect({ address: stack.temporalAddress });
    try {
      await connection.workflowService
        .registerNamespace({ namespace: this.namespace, workflowExecutionRetentionPeriod: { seconds: 86_400 } })
        .catch((error: Error) => {
          if (!/already exists/i.test(error.message)) throw error;
        });
      await waitFor(
        () =>
          connection.workflowService.describeNamespace({ namespace: this.namespace }).then(
            () => true,
            () => false,
          ),
        (ready) => ready,
        { description: `Temporal namespace ${this.namespace}` },
      );
    } finally {
      await connection.close();
    }
  }
}
