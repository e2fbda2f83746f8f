import cluster from 'node:cluster';
import { createLogger } from '@tenure/observability';
import { runService } from '@tenure/http';

/**
 * Runs a service in `workers` processes sharing its port (node:cluster), so
 * one machine's cores all take requests. Workers start one after another (the
 * first runs the migrations), one that dies later is replaced, and a stop
 * signal reaches every worker so each finishes what it accepted. A worker that
 * fails before it listens stops the whole service: the fault is in its setup.
 */
export function runClusteredService(name: string, workers: number, logLevel: string, start: () => Promise<void>): void {
  if (workers <= 1 || !cluster.isPrimary) {
    runService(name, start);
    return;
  }
  const logger = createLogger(name, logLevel);
  let stopping = false;
  const listening = new Set<number>();

  const fork = (): void => {
    const worker = cluster.fork();
    worker.once('listening', () => {
      listening.add(worker.id);
      if (listening.size < workers && Object.keys(cluster.workers ?? {}).length < workers) fork();
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    const wasListening = listening.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    if (!wasListening) {
      process.stderr.write(`${name} failed to start: a worker exited (code ${code ?? signal}) before listening\n`);
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      process.exitCode = 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
      return;
    }
    logger.error({ worker: worker.process.pid, code, signal }, 'a worker stopped; starting another');
    fork();
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    });
  }
  fork();
}
