import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * The Helm chart as `helm install` would see it: it lints, renders the four
 * APIs and the console with probes, limits, budgets and a locked-down security context,
 * reads every secret from a Kubernetes Secret, and what it renders is valid
 * against the Kubernetes API schemas (kubeconform, strict).
 */
const ROOT = join(__dirname, '..', '..');
const CHART = join(__dirname, 'tenure');
const SERVICES = ['hr-ingest', 'orchestrator', 'connector-gateway', 'audit', 'console'];

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } };
}

interface Container {
  command: string[];
  env: EnvVar[];
  envFrom?: unknown[];
  securityContext: unknown;
  livenessProbe: { httpGet: { path: string } };
  readinessProbe: { httpGet: { path: string } };
  startupProbe: { httpGet: { path: string } };
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  volumeMounts: unknown[];
}

interface PodSpec {
  securityContext: unknown;
  automountServiceAccountToken: boolean;
  containers: Container[];
  volumes: unknown[];
}

interface Manifest {
  kind: string;
  metadata: { name: string };
  spec?: { template: { metadata: { annotations: Record<string, string> }; spec: PodSpec } };
  data?: Record<string, string>;
}

function tool(variable: string): string {
  const path = process.env[variable];
  if (!path)
    throw new Error(`${variable} is not set: run the test through ./tenure test (deploy/scripts/tools.sh installs it)`);
  return path;
}

function run(
  command: string,
  args: string[],
  input?: string,
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { input, encoding: 'utf8', timeout: 60_000, maxBuffer: 32 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const helm = (...args: string[]) => run(tool('TENURE_HELM_BIN'), args);

/** Helm notes that the chart's files/config links to config/; anything else it says is a problem. */
const helmProblems = (stderr: string) =>
  stderr.split('\n').filter((line) => line.trim() !== '' && !line.includes('found symbolic link in path'));

const kubeVersion = () => ['--kube-version', tool('TENURE_KUBERNETES_VERSION')];

/** The values the chart cannot default: the company's identity provider and where people open the console. */
const ISSUER = [
  '--set',
  'oidc.issuer=https://login.example.com',
  '--set',
  'services.console.url=https://tenure.example.com',
];

function render(...settings: string[]): Manifest[] {
  const result = helm('template', 'tenure', CHART, '--namespace', 'identity', ...kubeVersion(), ...ISSUER, ...settings);
  expect({ status: result.status, problems: helmProblems(result.stderr) }).toEqual({ status: 0, problems: [] });
  return parseAllDocuments(result.stdout)
    .map((document) => document.toJS() as Manifest | null)
    .filter((manifest): manifest is Manifest => manifest !== null);
}

function kubeconform(manifests: string): { status: number | null; stdout: string; stderr: string } {
  const schemas = tool('TENURE_KUBERNETES_SCHEMAS');
  return run(
    tool('TENURE_KUBECONFORM_BIN'),
    [
      '-strict',
      '-summary',
      '-kubernetes-version',
      tool('TENURE_KUBERNETES_VERSION'),
      '-schema-location',
      `${schemas}/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json`,
      '-',
    ],
    manifests,
  );
}

const named = (manifests: Manifest[], kind: string) =>
  manifests
    .filter((m) => m.kind === kind)
    .map((m) => m.metadata.name)
    .sort();

describe('Helm chart deploy/helm/tenure', () => {
  it('passes helm lint --strict', () => {
    const result = helm('lint', '--strict', ...kubeVersion(), ...ISSUER, CHART);
    expect(result.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
    expect(result.status).toBe(0);
  });

  it('renders manifests that are valid against the Kubernetes schemas', () => {
    const rendered = helm('template', 'tenure', CHART, ...kubeVersion(), ...ISSUER);
    expect({ status: rendered.status, problems: helmProblems(rendered.stderr) }).toEqual({ status: 0, problems: [] });
    const result = kubeconform(rendered.stdout);
    expect(result.stderr).toBe('');
    // 5 Deployments, 5 Services, 5 PodDisruptionBudgets, the ConfigMap, the ServiceAccount.
    expect(result.stdout).toMatch(/Valid: 17, Invalid: 0, Errors: 0, Skipped: 0/);
    expect(result.status).toBe(0);
  });

  it('has kubeconform refuse a manifest the API server would refuse', () => {
    const manifest = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: x}', 'spec: {replicaz: 2}'].join(
      '\n',
    );
    const result = kubeconform(manifest);
    expect(result.stdout).toMatch(/Invalid: 1/);
    expect(result.status).not.toBe(0);
  });

  it('renders a Deployment, Service and PodDisruptionBudget for each service, and no Secret', () => {
    const manifests = render();
    const expected = SERVICES.map((service) => `tenure-${service}`).sort();
    expect(named(manifests, 'Deployment')).toEqual(expected);
    expect(named(manifests, 'Service')).toEqual(expected);
    expect(named(manifests, 'PodDisruptionBudget')).toEqual(expected);
    expect(named(manifests, 'ConfigMap')).toEqual(['tenure-config']);
    expect(manifests.filter((m) => m.kind === 'Secret')).toEqual([]);
  });

  it('runs each service as non-root on a read-only root, probed on /health/live and /health/ready, with requests', () => {
    for (const deployment of render().filter((m) => m.kind === 'Deployment')) {
      const pod = deployment.spec!.template.spec;
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
      expect(pod.automountServiceAccountToken).toBe(false);
      const [container] = pod.containers;
      expect(container.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      });
      expect(container.livenessProbe.httpGet.path).toBe('/health/live');
      expect(container.readinessProbe.httpGet.path).toBe('/health/ready');
      expect(container.startupProbe.httpGet.path).toBe('/health/live');
      expect(container.resources.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(container.resources.limits.memory).toEqual(expect.any(String));
    }
  });

  it('takes every secret from a Kubernetes Secret, never from a literal value', () => {
    for (const deployment of render().filter((m) => m.kind === 'Deployment')) {
      const env = deployment.spec!.template.spec.containers[0].env;
      const secretLike = env.filter((v) => /TOKEN|SECRET|DATABASE_URL/.test(v.name));
      expect(secretLike.length).toBeGreaterThan(0);
      for (const variable of secretLike) {
        expect({ name: variable.name, value: variable.value }).toEqual({ name: variable.name, value: undefined });
        expect(variable.valueFrom?.secretKeyRef?.name).toMatch(/^tenure-(secrets|database)$/);
      }
    }
    const gateway = render().find((m) => m.kind === 'Deployment' && m.metadata.name === 'tenure-connector-gateway')!;
    expect(gateway.spec!.template.spec.containers[0].envFrom).toEqual([
      { secretRef: { name: 'tenure-app-credentials' } },
    ]);
  });

  it('ships config/*.yaml unchanged in its ConfigMap, mounted where the services read it, without the development sign-in users', () => {
    const manifests = render();
    const configMap = manifests.find((m) => m.kind === 'ConfigMap')!;
    const shipped = readdirSync(join(ROOT, 'config')).filter(
      (file) => file.endsWith('.yaml') && file !== 'dev-idp.yaml',
    );
    expect(Object.keys(configMap.data!).sort()).toEqual(shipped.sort());
    expect(configMap.data!['dev-idp.yaml']).toBeUndefined();
    for (const file of shipped) {
      expect(configMap.data![file]).toBe(readFileSync(join(ROOT, 'config', file), 'utf8').trimEnd());
    }
    const deployment = manifests.find((m) => m.kind === 'Deployment')!;
    expect(deployment.spec!.template.spec.containers[0].volumeMounts).toContainEqual({
      name: 'config',
      mountPath: '/app/config',
      readOnly: true,
    });
  });

  it('replaces a shipped file by one of the same name given in config.files, and keeps the others', () => {
    const configMap = render('--set-string', 'config.files.policy\\.yaml=rules: []').find(
      (m) => m.kind === 'ConfigMap',
    )!;
    expect(configMap.data!['policy.yaml']).toBe('rules: []');
    expect(configMap.data!['apps.yaml']).toBe(readFileSync(join(ROOT, 'config', 'apps.yaml'), 'utf8').trimEnd());
    expect(Object.keys(configMap.data!).sort()).toEqual([
      'apps.yaml',
      'auth.yaml',
      'hr-sources.yaml',
      'policy.yaml',
      'saas-sim.yaml',
      'sod.yaml',
    ]);
  });

  it("points at the operator's own servers, Secrets and ConfigMap, and leaves out disabled services", () => {
    const manifests = render(
      '--set',
      'kafka.brokers=kafka-0.kafka:9092\\,kafka-1.kafka:9092',
      '--set',
      'temporal.address=temporal.tools:7233',
      '--set',
      'secrets.existingSecret=prod-tenure',
      '--set',
      'config.existingConfigMap=prod-config',
      '--set',
      'services.audit.enabled=false',
    );
    expect(named(manifests, 'Deployment')).toEqual([
      'tenure-connector-gateway',
      'tenure-console',
      'tenure-hr-ingest',
      'tenure-orchestrator',
    ]);
    expect(named(manifests, 'ConfigMap')).toEqual([]);
    const orchestrator = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === 'tenure-orchestrator')!;
    const pod = orchestrator.spec!.template.spec;
    const env = Object.fromEntries(pod.containers[0].env.map((v) => [v.name, v.value ?? v.valueFrom]));
    expect(env).toMatchObject({
      KAFKA_BROKERS: 'kafka-0.kafka:9092,kafka-1.kafka:9092',
      TEMPORAL_ADDRESS: 'temporal.tools:7233',
      CONNECTOR_GATEWAY_URL: 'http://tenure-connector-gateway:3003',
      TENURE_OIDC_ISSUER: 'https://login.example.com',
      TENURE_OPS_TOKEN: { secretKeyRef: { name: 'prod-tenure', key: 'TENURE_OPS_TOKEN' } },
    });
    expect(pod.volumes).toContainEqual({ name: 'config', configMap: { name: 'prod-config' } });
  });

  it('runs the console in front of the ops and audit APIs, with its client secret from the Secret', () => {
    const manifests = render('--set', 'services.console.clientId=tenure-web');
    const console = manifests.find((m) => m.kind === 'Deployment' && m.metadata.name === 'tenure-console')!;
    const [container] = console.spec!.template.spec.containers;
    expect(container.command).toEqual(['node', '--enable-source-maps', 'dist/apps/console/src/main.js']);
    const env = Object.fromEntries(container.env.map((v) => [v.name, v.value ?? v.valueFrom]));
    expect(env).toMatchObject({
      CONSOLE_PORT: '3000',
      TENURE_CONSOLE_URL: 'https://tenure.example.com',
      TENURE_CONSOLE_CLIENT_ID: 'tenure-web',
      TENURE_ORCHESTRATOR_URL: 'http://tenure-orchestrator:3002',
      TENURE_AUDIT_URL: 'http://tenure-audit:3004',
      TENURE_OIDC_ISSUER: 'https://login.example.com',
      TENURE_OIDC_AUDIENCE: 'urn:tenure:api',
      // Optional: without it the console is a public client (PKCE only).
      TENURE_CONSOLE_CLIENT_SECRET: {
        secretKeyRef: { name: 'tenure-secrets', key: 'TENURE_CONSOLE_CLIENT_SECRET', optional: true },
      },
    });
    expect(env).not.toHaveProperty('DATABASE_URL');
    // It serves no /metrics, so Prometheus is not told to scrape it.
    expect(console.spec!.template.metadata.annotations).not.toHaveProperty(['prometheus.io/scrape']);
    const service = manifests.find((m) => m.kind === 'Service' && m.metadata.name === 'tenure-console') as unknown as {
      spec: { ports: { port: number }[] };
    };
    expect(service.spec.ports[0].port).toBe(3000);
  });

  it("refuses to render the console without the address people open it at, and renders without it when it's off", () => {
    const args = ['template', 'tenure', CHART, ...kubeVersion(), '--set', 'oidc.issuer=https://login.example.com'];
    const refused = helm(...args);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('services.console.url is required');
    expect(helm(...args, '--set', 'services.console.enabled=false').status).toBe(0);
  });

  it('refuses to render without the Secret that holds the service credentials', () => {
    const result = helm('template', 'tenure', CHART, ...kubeVersion(), ...ISSUER, '--set', 'secrets.existingSecret=');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('secrets.existingSecret is required');
  });
});
