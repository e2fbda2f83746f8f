import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requiredEnv } from '@tenure/testing';

/**
 * deploy/Dockerfile cannot be built here (no container engine), so what can be
 * checked is: hadolint finds nothing, it builds the way ./tenure builds, and
 * the image runs as a non-root user with only what the services need.
 */
const ROOT = join(__dirname, '..');
const DOCKERFILE = join(__dirname, 'Dockerfile');
const SERVICES = ['hr-ingest', 'orchestrator', 'connector-gateway', 'audit'];

interface Stage {
  from: string;
  instructions: string[];
}

function stages(): Stage[] {
  const lines = readFileSync(DOCKERFILE, 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const result: Stage[] = [];
  for (const line of lines) {
    if (/^FROM /i.test(line)) result.push({ from: line.slice(5), instructions: [] });
    else result[result.length - 1].instructions.push(line);
  }
  return result;
}

describe('deploy/Dockerfile', () => {
  it('passes hadolint with no finding, info level included', () => {
    const result = spawnSync(requiredEnv('TENURE_HADOLINT_BIN'), ['--failure-threshold', 'info', DOCKERFILE], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect({ status: result.status, findings: result.stdout.trim() }).toEqual({ status: 0, findings: '' });
  });

  it('builds in one stage with npm ci and npm run build, and ships only the result to a slim image', () => {
    const [build, runtime, ...more] = stages();
    expect(more).toEqual([]);
    expect(build.from).toMatch(/^node:20[\w.-]*-slim AS build$/);
    expect(build.instructions).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^RUN npm ci\b/),
        expect.stringMatching(/^RUN npm run build && npm run build:web && npm prune --omit=dev/),
      ]),
    );
    expect(runtime.from).toMatch(/^node:20[\w.-]*-slim$/);
    const copies = runtime.instructions.filter((line) => line.startsWith('COPY'));
    expect(copies).toEqual([
      'COPY --from=build /app/package.json ./',
      'COPY --from=build /app/node_modules ./node_modules',
      'COPY --from=build /app/dist ./dist',
      'COPY config ./config',
    ]);
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.build).toContain(
      'nest build --path tsconfig.build.json',
    );
  });

  it('runs as a numeric non-root user, as the chart requires', () => {
    const users = stages()[1].instructions.filter((line) => line.startsWith('USER'));
    expect(users).toEqual(['USER 1000:1000']);
  });

  it('starts each service from the path the build writes and the chart runs', () => {
    // ./tenure test builds before the tests run: these are the files the image's dist/ holds.
    for (const service of SERVICES)
      expect(existsSync(join(ROOT, 'dist', 'apps', service, 'src', 'main.js'))).toBe(true);
    const deployment = readFileSync(join(__dirname, 'helm', 'tenure', 'templates', 'deployment.yaml'), 'utf8');
    expect(deployment).toContain('command: ["node", "--enable-source-maps", "dist/apps/{{ $component }}/src/main.js"]');
  });
});
