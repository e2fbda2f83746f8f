import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvironmentError } from '@tenure/config';
import { loadAuditEnvironment } from './audit.environment';

const base = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/db',
  KAFKA_BROKERS: 'localhost:9092',
  TENURE_OIDC_ISSUER: 'https://id.example.com',
  TENURE_OIDC_AUDIENCE: 'api://tenure',
};
const folder = mkdtempSync(join(tmpdir(), 'tenure-audit-env-'));
const secretFile = (name: string, content: string) => {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
};

function problemsOf(source: NodeJS.ProcessEnv): string[] {
  try {
    loadAuditEnvironment(source);
  } catch (error) {
    if (error instanceof EnvironmentError) return error.problems;
    throw error;
  }
  return [];
}

describe('audit environment', () => {
  it('takes the tokens from the environment, with the default deprovisioning target', () => {
    const env = loadAuditEnvironment({ ...base, TENURE_AUDIT_TOKEN: 'auditor-token-0123456789' });
    expect(env).toMatchObject({ TENURE_AUDIT_TOKEN: 'auditor-token-0123456789', AUDIT_DEPROVISION_TARGET_HOURS: 4 });
    expect(env.TENURE_AUDIT_OPERATOR_TOKEN).toBeUndefined();
  });

  it('takes a token from a file, without its trailing newline', () => {
    const env = loadAuditEnvironment({
      ...base,
      TENURE_AUDIT_TOKEN_FILE: secretFile('auditor', 'auditor-token-from-a-file\n'),
      TENURE_AUDIT_OPERATOR_TOKEN_FILE: secretFile('operator', 'operator-token-from-a-file'),
    });
    expect(env.TENURE_AUDIT_TOKEN).toBe('auditor-token-from-a-file');
    expect(env.TENURE_AUDIT_OPERATOR_TOKEN).toBe('operator-token-from-a-file');
  });

  it('refuses a missing file, a token set twice, a short token and a bad target, without echoing values', () => {
    expect(problemsOf({ ...base, TENURE_AUDIT_TOKEN_FILE: join(folder, 'absent') })).toEqual([
      'TENURE_AUDIT_TOKEN_FILE=cannot read the file it names',
    ]);
    expect(
      problemsOf({
        ...base,
        TENURE_AUDIT_TOKEN: 'auditor-token-0123456789',
        TENURE_AUDIT_TOKEN_FILE: secretFile('a', 'x'),
      }),
    ).toEqual(['TENURE_AUDIT_TOKEN_FILE=cannot be set together with TENURE_AUDIT_TOKEN']);
    const problems = problemsOf({
      ...base,
      TENURE_AUDIT_TOKEN: 'auditor-token-0123456789',
      TENURE_AUDIT_OPERATOR_TOKEN: 'short',
      AUDIT_DEPROVISION_TARGET_HOURS: '-1',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'TENURE_AUDIT_OPERATOR_TOKEN=must be at least 16 characters',
        'AUDIT_DEPROVISION_TARGET_HOURS=must be a positive number of hours',
      ]),
    );
    expect(problems.join(' ')).not.toMatch(/short/);
  });
});
