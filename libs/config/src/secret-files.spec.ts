import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvironmentError } from './load-environment';
import { readSecretFiles } from './secret-files';

describe('readSecretFiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tenure-secrets-'));
  const file = join(dir, 'scim-token');
  writeFileSync(file, 'a-token-read-from-a-file\n');

  it('reads <NAME>_FILE into <NAME>, without the trailing newline', () => {
    expect(readSecretFiles({ TENURE_SCIM_TOKEN_FILE: file }, ['TENURE_SCIM_TOKEN']).TENURE_SCIM_TOKEN).toBe(
      'a-token-read-from-a-file',
    );
  });

  it('treats an empty variable as unset', () => {
    expect(readSecretFiles({ TENURE_SCIM_TOKEN: '' }, ['TENURE_SCIM_TOKEN'])).not.toHaveProperty('TENURE_SCIM_TOKEN');
  });

  it('refuses both at once and a file it cannot read, without echoing values', () => {
    let error: unknown;
    try {
      readSecretFiles(
        {
          TENURE_SCIM_TOKEN: 'a-secret-value-0000',
          TENURE_SCIM_TOKEN_FILE: file,
          TENURE_IMPORT_TOKEN_FILE: `${dir}/none`,
        },
        ['TENURE_SCIM_TOKEN', 'TENURE_IMPORT_TOKEN'],
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as Error).message).toBe(
      'Invalid environment variables: TENURE_SCIM_TOKEN_FILE=cannot be set together with TENURE_SCIM_TOKEN, ' +
        'TENURE_IMPORT_TOKEN_FILE=cannot read the file it names',
    );
  });
});
