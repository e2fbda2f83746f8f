import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { createLogger } from '@tenure/observability';
import { requiredEnv } from '@tenure/testing';
import { RunningSaasSim, startSaasSim } from '../src/saas-sim.server';

const run = promisify(execFile);
const TOKEN = 'compliance-token-0123456789abcdef';

interface CheckResult {
  title: string;
  status: 'SUCCESS' | 'COMPLIANT' | 'ACCEPTABLE' | 'DEVIATION' | 'ERROR' | 'CRITICAL' | 'SKIPPED';
  reason?: string;
  tags: string[];
}

let sim: RunningSaasSim;

beforeAll(async () => {
  sim = await startSaasSim({
    apps: [
      {
        id: 'slack',
        displayName: 'Slack',
        token: TOKEN,
        latencyMs: { min: 0, max: 0 },
        faults: { rateLimitedRatio: 0, unavailableRatio: 0, retryAfterSeconds: 1 },
      },
    ],
    logger: createLogger('saas-sim', 'silent'),
    host: '127.0.0.1',
    port: 0,
  });
});

afterAll(() => sim.close());

/**
 * The simulated apps against scim2-tester (PyPI, installed by
 * deploy/scripts/tools.sh), an RFC 7643/7644 compliance checker nobody here
 * wrote: every check of what the app advertises in its ServiceProviderConfig
 * must pass; checks of features it does not advertise are skipped by the tester.
 */
describe('simulated app SCIM compliance (scim2-tester)', () => {
  it('passes every check that applies to what it advertises', async () => {
    const python = join(dirname(requiredEnv('TENURE_SCIM2_SERVER_BIN')), 'python');
    const { stdout } = await run(python, [join(__dirname, 'scim2-tester-run.py'), `${sim.url}/slack/scim/v2`, TOKEN], {
      timeout: 120_000,
      maxBuffer: 10 * 1024 * 1024,
    });
    const results = JSON.parse(stdout) as CheckResult[];
    const ran = results.filter((result) => result.status !== 'SKIPPED');
    expect(ran.length).toBeGreaterThan(10);
    const failed = results
      .filter((result) => result.status === 'ERROR' || result.status === 'CRITICAL')
      .map((result) => `${result.title}: ${result.reason}`);
    expect(failed).toEqual([]);
  }, 180_000);
});
