// Second replicas of Tenure services for a bench run, started the way
// ./tenure starts a service (same build, environment, log folder) on ports of
// their own, and stopped when the bench ends.
import { spawn } from 'node:child_process';
import { openSync, rmSync, writeFileSync } from 'node:fs';

const env = process.env;
const started = [];

const portVariable = (service) => `${service.toUpperCase().replaceAll('-', '_')}_PORT`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function healthy(port, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  throw new Error(`replica on :${port} did not become healthy`);
}

/** Starts `<service>-2` with the environment's settings plus `overrides`; resolves once /health answers. */
export async function startReplica(service, overrides = {}) {
  const port = Number(env[portVariable(service)]) + 50;
  const ownUrl = env[`${service.toUpperCase().replaceAll('-', '_')}_DATABASE_URL`];
  const log = openSync(`${env.TENURE_BENCH_LOG_DIR}/${service}-2.log`, 'a');
  const child = spawn('node', ['--enable-source-maps', `${env.TENURE_ROOT}/dist/apps/${service}/src/main.js`], {
    cwd: env.TENURE_ROOT,
    env: {
      ...env,
      ...(ownUrl ? { DATABASE_MIGRATION_URL: env.DATABASE_URL, DATABASE_URL: ownUrl } : {}),
      [portVariable(service)]: String(port),
      ...overrides,
    },
    detached: true,
    stdio: ['ignore', log, log],
  });
  child.unref();
  const pidFile = `${env.TENURE_BENCH_PID_DIR}/${service}-2.pid`;
  writeFileSync(pidFile, `${child.pid}\n`);
  started.push({ pid: child.pid, pidFile });
  await healthy(port);
  return { port, pid: child.pid };
}

/** A second connector gateway, and a second orchestrator that calls it: the same Kafka group, task queue and database. */
export async function startSecondReplicas() {
  const gateway = await startReplica('connector-gateway');
  const orchestrator = await startReplica('orchestrator', {
    CONNECTOR_GATEWAY_URL: `http://127.0.0.1:${gateway.port}`,
  });
  // The Kafka group hands the new member its share of the partitions.
  await sleep(5_000);
  return { gateway, orchestrator };
}

export async function stopReplicas() {
  const stopping = started.splice(0).reverse();
  for (const { pid, pidFile } of stopping) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(pidFile, { force: true });
  }
  await sleep(stopping.length ? 3_000 : 0);
}

// A bench that fails half-way still leaves no replica behind.
process.on('exit', () => {
  for (const { pid, pidFile } of started) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(pidFile, { force: true });
  }
});
