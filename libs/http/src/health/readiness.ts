import type { InjectionToken, Provider } from '@nestjs/common';

/** The checks behind `GET /health/ready`, provided by each service for the servers it depends on. */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

export interface ReadinessCheck {
  /** The server checked, as the response names it: `database`, `kafka`, `temporal`. */
  readonly name: string;
  /**
   * Whether the service can do its work without it. A service that holds
   * what it accepts (hr-ingest's outbox while Kafka is away) stays ready and
   * only reports the check; one that cannot answer is taken out of rotation.
   */
  readonly essential: boolean;
  check(): Promise<void>;
}

export type CheckResult = 'ok' | 'unavailable';

export interface Readiness {
  status: 'ready' | 'unavailable';
  checks: Record<string, CheckResult>;
}

const CHECK_TIMEOUT_MS = 2_000;

/** Runs every check at once; one that takes longer than two seconds counts as unavailable. */
export async function probeReadiness(checks: readonly ReadinessCheck[]): Promise<Readiness> {
  const results = await Promise.all(checks.map(async (check) => ({ check, result: await settle(check) })));
  const ready = results.every(({ check, result }) => result === 'ok' || !check.essential);
  return {
    status: ready ? 'ready' : 'unavailable',
    checks: Object.fromEntries(results.map(({ check, result }) => [check.name, result])),
  };
}

async function settle(check: ReadinessCheck): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check.check(), timeout]);
    return 'ok';
  } catch {
    return 'unavailable';
  } finally {
    clearTimeout(timer);
  }
}

/** `readinessChecks([DataSource, KAFKA_READINESS], (db, kafka) => [databaseReadiness(db), kafka])`. */
export function readinessChecks(inject: InjectionToken[], build: (...deps: never[]) => ReadinessCheck[]): Provider {
  // Nest passes the injected values in the order of `inject`; their types are the caller's to name.
  return { provide: READINESS_CHECKS, inject, useFactory: build as (...deps: unknown[]) => ReadinessCheck[] };
}
