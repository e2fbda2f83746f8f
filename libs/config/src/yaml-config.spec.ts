import { AppsConfig } from './apps/apps-config';
import { ConfigFileError, parseYamlConfig } from './yaml-config';

const FILE = 'config/apps.yaml';

function problemsOf(text: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    parseYamlConfig(FILE, text, AppsConfig, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigFileError);
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
}

const VALID = `
apps:
  - id: slack
    displayName: Slack
    connector: scim
    scim:
      baseUrl: \${SIM_URL:-http://127.0.0.1:3100}/slack/scim/v2
    auth:
      type: bearer
      tokenEnv: SLACK_TOKEN
`;

describe('parseYamlConfig', () => {
  it('reads a valid file, with defaults and environment interpolation', () => {
    const config = parseYamlConfig(FILE, VALID, AppsConfig, {});
    expect(config.apps[0]).toMatchObject({ id: 'slack', timeoutMs: 10_000 });
    expect(config.apps[0].scim?.baseUrl).toBe('http://127.0.0.1:3100/slack/scim/v2');
    const overridden = parseYamlConfig(FILE, VALID, AppsConfig, { SIM_URL: 'https://sim.example.com' });
    expect(overridden.apps[0].scim?.baseUrl).toBe('https://sim.example.com/slack/scim/v2');
  });

  it('names the file, the path and the problem', () => {
    const message = problemsOf(VALID.replace('connector: scim', 'connector: carrier-pigeon'));
    expect(message).toMatch(/^config\/apps\.yaml: apps\[0\]\.connector: connector must be one of/);
  });

  it('names an unknown key instead of ignoring a typo', () => {
    expect(problemsOf(VALID.replace('displayName', 'displayname'))).toContain('apps[0]: unknown key displayname');
  });

  it('reports YAML syntax errors and missing variables', () => {
    expect(problemsOf('apps: [')).toMatch(/^config\/apps\.yaml: /);
    expect(problemsOf(VALID.replace('${SIM_URL:-http://127.0.0.1:3100}', '${SIM_URL}'))).toContain(
      'environment variable SIM_URL is not set and has no default',
    );
  });

  it('refuses two apps with the same id', () => {
    const twice = VALID + VALID.replace('apps:\n', '');
    expect(problemsOf(twice)).toContain('each app id must appear once');
  });
});
