import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { parse } from 'yaml';

/**
 * The alert rules and the Grafana dashboard shipped in deploy/: every
 * expression is valid PromQL, and every metric it reads is one a Tenure
 * service defines (or a Node.js process figure), so a renamed metric cannot
 * leave an alert that never fires or a panel that stays empty.
 */
const ROOT = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return path.endsWith('.ts') && !/\.(int-|e2e-)?spec\.ts$/.test(path) ? [path] : [];
  });
}

/** Metric names the services define: `name: 'tenure_…'` in apps/ and libs/. */
const DEFINED = new Set(
  [...sources(join(ROOT, 'apps')), ...sources(join(ROOT, 'libs'))].flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/name: '(tenure_[a-z_]+)'/g)].map((m) => m[1]),
  ),
);
const PROCESS_METRIC = /^(process|nodejs)_/;

function defined(metric: string): boolean {
  if (PROCESS_METRIC.test(metric) || DEFINED.has(metric)) return true;
  const histogram = /^(.*)_(bucket|count|sum)$/.exec(metric);
  return histogram !== null && DEFINED.has(histogram[1]);
}

/** Syntax errors and the metric names an expression reads. */
function analyse(expr: string): { errors: number; metrics: string[] } {
  const tree = parser.parse(expr);
  let errors = 0;
  const metrics: string[] = [];
  tree.iterate({
    enter(node) {
      if (node.type.isError) errors += 1;
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector')
        metrics.push(expr.slice(node.from, node.to));
    },
  });
  return { errors, metrics };
}

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels: { severity: string };
  annotations: { summary: string; description?: string };
}

describe('deploy/prometheus/alerts.yaml', () => {
  const groups: { name: string; rules: Rule[] }[] = parse(
    readFileSync(join(__dirname, 'prometheus', 'alerts.yaml'), 'utf8'),
  ).groups;
  const rules = groups.flatMap((group) => group.rules);

  it('finds the metrics the services define', () => {
    expect([...DEFINED]).toEqual(
      expect.arrayContaining([
        'tenure_http_requests_total',
        'tenure_orchestrator_open_leaver_oldest_seconds',
        'tenure_audit_ingest_backlog_messages',
      ]),
    );
  });

  it('alerts on a leaver open past target, audit ingest stalled, a circuit left open and a growing outbox', () => {
    expect(rules.map((rule) => rule.alert)).toEqual(
      expect.arrayContaining([
        'TenureLeaverAccessOpen',
        'TenureAuditIngestStalled',
        'TenureAppCircuitOpen',
        'TenureOutboxBacklogGrowing',
      ]),
    );
  });

  it('has unique names, a severity, a summary and a duration on every rule', () => {
    expect(new Set(rules.map((rule) => rule.alert)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(['warning', 'critical']).toContain(rule.labels.severity);
      expect(rule.annotations.summary.length).toBeGreaterThan(10);
      expect(rule.for).toMatch(/^\d+[smh]$/);
    }
  });

  it.each(rules.map((rule) => [rule.alert, rule.expr]))('%s: valid PromQL over defined metrics', (_name, expr) => {
    const { errors, metrics } = analyse(expr);
    expect(errors).toBe(0);
    expect(metrics.length).toBeGreaterThan(0);
    expect(metrics.filter((metric) => !defined(metric))).toEqual([]);
  });
});

describe('deploy/grafana/tenure-dashboard.json', () => {
  const dashboard = JSON.parse(readFileSync(join(__dirname, 'grafana', 'tenure-dashboard.json'), 'utf8'));
  const targets: { title: string; expr: string }[] = dashboard.panels.flatMap(
    (panel: { title: string; targets?: { expr: string }[] }) =>
      (panel.targets ?? []).map((target) => ({ title: panel.title, expr: target.expr })),
  );

  it('reads its data source from a variable, so it imports into any Grafana', () => {
    expect(dashboard.templating.list).toContainEqual(
      expect.objectContaining({ name: 'datasource', type: 'datasource' }),
    );
    expect(new Set(dashboard.panels.map((panel: { id: number }) => panel.id)).size).toBe(dashboard.panels.length);
  });

  it('shows time to revoke, runs, ingest, outbox, circuits, audit lag and chain length', () => {
    const read = targets.flatMap((target) => analyse(target.expr.replaceAll('$__rate_interval', '5m')).metrics);
    expect(read).toEqual(
      expect.arrayContaining([
        'tenure_orchestrator_time_to_revoke_seconds_bucket',
        'tenure_orchestrator_runs',
        'tenure_orchestrator_steps_needing_attention',
        'tenure_ingest_events_total',
        'tenure_ingest_refusals_total',
        'tenure_ingest_outbox_backlog',
        'tenure_gateway_circuit_state',
        'tenure_audit_ingest_lag_seconds',
        'tenure_audit_chain_length',
        'tenure_http_request_duration_seconds_bucket',
      ]),
    );
  });

  it.each(targets.map((target) => [target.title, target.expr]))(
    '%s: valid PromQL over defined metrics',
    (_title, expr) => {
      const { errors, metrics } = analyse(expr.replaceAll('$__rate_interval', '5m'));
      expect(errors).toBe(0);
      expect(metrics.filter((metric) => !defined(metric))).toEqual([]);
    },
  );
});
