import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/** Writes the dev environment as `./tenure up` does, into a state folder of its own, and reads one variable back. */
function writeDevEnvironment(state: string, env: NodeJS.ProcessEnv = {}): { env: string; generated: string } {
  const script = `
    set -euo pipefail
    for part in lib postgres kafka temporal tools infra env services event import bench commands; do
      . "$TENURE_ROOT/deploy/scripts/$part.sh"
    done
    TENURE_STATE="$STATE"
    env_select dev
    env_write >/dev/null 2>&1
    env_get TENURE_OPS_TOKEN "$ENV_FILE"
    env_get TENURE_OPS_TOKEN "$SECRETS_FILE"`;
  const base = { PATH: process.env.PATH, HOME: process.env.HOME, TENURE_ROOT: ROOT, STATE: state };
  const [fromEnv, generated] = execFileSync('bash', ['-c', script], { env: { ...base, ...env }, encoding: 'utf8' })
    .trim()
    .split('\n');
  return { env: fromEnv, generated };
}

describe('./tenure secrets', () => {
  it('generates a secret once, and a value set in the environment always wins over it', () => {
    const state = mkdtempSync(join(tmpdir(), 'tenure-env-'));
    const first = writeDevEnvironment(state);
    expect(first.env).toMatch(/^[0-9a-f]{48}$/);
    expect(first.env).toBe(first.generated);

    const overridden = writeDevEnvironment(state, { TENURE_OPS_TOKEN: 'set-by-the-operator-0123456789' });
    expect(overridden).toEqual({ env: 'set-by-the-operator-0123456789', generated: first.generated });

    // Without the variable the generated value is back: the file was never overwritten.
    expect(writeDevEnvironment(state)).toEqual(first);
  });
});
