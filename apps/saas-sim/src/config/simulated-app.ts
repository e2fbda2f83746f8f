import { SimulatedAppConfig, SimulatedExtension } from './saas-sim-config';

/** One simulated app as served: its settings plus the bearer token it accepts. */
export interface SimulatedAppSettings {
  id: string;
  displayName: string;
  token: string;
  latencyMs: { min: number; max: number };
  faults: { rateLimitedRatio: number; unavailableRatio: number; retryAfterSeconds: number };
  /** Absent: none of the app's own API extensions. */
  extensions?: readonly SimulatedExtension[];
  /** Absent: users can be deleted. */
  allowUserDelete?: boolean;
}

export class SimulatedAppTokenError extends Error {
  constructor(problems: string[]) {
    super(`Missing app tokens: ${problems.join(', ')}`);
    this.name = 'SimulatedAppTokenError';
  }
}

/**
 * Takes each app's token from the variable its `tokenEnv` names. Every missing
 * one is reported together, by app and variable, never by value.
 */
export function resolveSimulatedApps(apps: SimulatedAppConfig[], env: NodeJS.ProcessEnv): SimulatedAppSettings[] {
  const withTokens = apps.map((app) => ({ app, token: env[app.tokenEnv] }));
  const missing = withTokens.filter(({ token }) => !token);
  if (missing.length > 0) {
    throw new SimulatedAppTokenError(
      missing.map(({ app }) => `app ${app.id} needs environment variable ${app.tokenEnv}`),
    );
  }
  return withTokens.map(({ app, token }) => ({
    id: app.id,
    displayName: app.displayName,
    token: token ?? '',
    latencyMs: { min: app.latencyMs.min, max: app.latencyMs.max },
    faults: {
      rateLimitedRatio: app.faults?.rateLimitedRatio ?? 0,
      unavailableRatio: app.faults?.unavailableRatio ?? 0,
      retryAfterSeconds: app.faults?.retryAfterSeconds ?? 1,
    },
    extensions: app.extensions ?? [],
    allowUserDelete: app.allowUserDelete ?? true,
  }));
}
