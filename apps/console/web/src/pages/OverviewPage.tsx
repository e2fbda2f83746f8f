import { BarChart } from '@mantine/charts';
import { Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { can, formatDuration, formatTime, Me, usePolled } from '../api';
import { QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';
import type { AppHealth, DeprovisioningReport, MassChangeBatch, Run } from '../types';

const DAY_MS = 24 * 3600_000;

/** Buckets of time to deprovision, as fractions of the target, so the breaches stand out on the right. */
function distribution(report: DeprovisioningReport) {
  const targetMs = report.targetHours * 3600_000;
  const buckets = [
    { label: '< 1 min', max: 60_000 },
    { label: '1–15 min', max: 15 * 60_000 },
    { label: '15–60 min', max: 3600_000 },
    { label: `1 h–target`, max: targetMs },
    { label: 'over target', max: Infinity },
  ];
  const rows = buckets.map((b) => ({ bucket: b.label, 'within target': 0, breached: 0 }));
  for (const leaver of report.leavers) {
    const ms = leaver.durationMs ?? leaver.elapsedMs;
    if (ms === undefined || leaver.status === 'no_access') continue;
    const index = buckets.findIndex((b) => ms <= b.max);
    rows[index][leaver.breached ? 'breached' : 'within target'] += 1;
  }
  return rows;
}

function Stat({ label, value, to }: { label: string; value: number | string; to?: string }) {
  const body = (
    <>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700}>
        {value}
      </Text>
    </>
  );
  return to ? (
    <Card withBorder padding="md" component={Link} to={to} aria-label={`${label}: ${value}`}>
      {body}
    </Card>
  ) : (
    <Card withBorder padding="md" aria-label={`${label}: ${value}`}>
      {body}
    </Card>
  );
}

export function OverviewPage({ me }: { me: Me }) {
  const since = new Date(Date.now() - DAY_MS).toISOString();
  const report = usePolled<DeprovisioningReport>(
    ['deprovisioning-24h'],
    `/api/audit/deprovisioning?from=${encodeURIComponent(since.slice(0, 16) + ':00Z')}`,
    can(me, 'auditor', 'operator', 'approver'),
    5_000,
  );
  const failed = usePolled<{ items: Run[] }>(['runs', 'failed'], '/api/ops/runs?status=failed&limit=500');
  const waiting = usePolled<{ items: Run[] }>(['runs', 'waiting_approval'], '/api/ops/runs?status=waiting_approval&limit=500');
  const scheduled = usePolled<{ items: Run[] }>(['runs', 'scheduled'], '/api/ops/runs?status=scheduled&limit=500');
  const batches = usePolled<{ items: MassChangeBatch[] }>(['mass-changes', 'waiting'], '/api/ops/mass-changes?status=waiting_approval');
  const apps = usePolled<{ apps: AppHealth[] }>(['apps-health'], '/api/ops/apps/health', true, 5_000);

  const upcoming = (scheduled.data?.items ?? [])
    .filter((run) => run.eventType === 'terminate' && run.nextAt && !run.completedPhases.includes('disable'))
    .sort((a, b) => (a.nextAt ?? '').localeCompare(b.nextAt ?? ''));

  return (
    <Stack>
      <Title order={1}>Overview</Title>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <Stat label="Leavers (24 h)" value={report.data?.summary.leavers ?? '–'} />
        <Stat label="Breaches of target" value={report.data?.summary.breaches ?? '–'} />
        <Stat label="Runs needing attention" value={failed.data?.items.length ?? '–'} to="/queues" />
        <Stat label="Runs waiting approval" value={waiting.data?.items.length ?? '–'} to="/queues" />
        <Stat label="Held mass-change batches" value={batches.data?.items.length ?? '–'} to="/queues" />
      </SimpleGrid>

      <Card withBorder>
        <Title order={2} size="h3">
          Time to deprovision, last 24 hours
        </Title>
        <QueryState isPending={report.isPending} error={report.error}>
          {() => {
            const r = report.data as DeprovisioningReport;
            return (
              <Stack gap="xs">
                <Text size="sm">
                  Target {r.targetHours} h · p50 {formatDuration(r.summary.percentilesMs?.p50)} · p95{' '}
                  {formatDuration(r.summary.percentilesMs?.p95)} · max {formatDuration(r.summary.percentilesMs?.max)} ·{' '}
                  {r.summary.deprovisioned} deprovisioned, {r.summary.open} still open, {r.summary.breaches} breached
                </Text>
                <BarChart
                  h={220}
                  data={distribution(r)}
                  dataKey="bucket"
                  type="stacked"
                  withLegend
                  aria-label="Distribution of time to deprovision"
                  series={[
                    { name: 'within target', color: 'teal.7' },
                    { name: 'breached', color: 'red.8' },
                  ]}
                />
              </Stack>
            );
          }}
        </QueryState>
      </Card>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Title order={2} size="h3">
            Leavers scheduled for the coming days
          </Title>
          <QueryState isPending={scheduled.isPending} error={scheduled.error}>
            {() =>
              upcoming.length === 0 ? (
                <Text c="dimmed">No terminations scheduled.</Text>
              ) : (
                <Table aria-label="Scheduled leavers">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Person</Table.Th>
                      <Table.Th>Access removed at</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {upcoming.map((run) => (
                      <Table.Tr key={run.runId}>
                        <Table.Td>
                          <Link to={`/people/${run.employeeId}`}>{run.employeeId}</Link>
                        </Table.Td>
                        <Table.Td>{formatTime(run.nextAt)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )
            }
          </QueryState>
        </Card>
        <Card withBorder>
          <Title order={2} size="h3">
            App health
          </Title>
          <QueryState isPending={apps.isPending} error={apps.error}>
            {() => (
              <Table aria-label="App health">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>App</Table.Th>
                    <Table.Th>Circuit</Table.Th>
                    <Table.Th>Error rate</Table.Th>
                    <Table.Th>Steps needing attention</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(apps.data?.apps ?? []).map((app) => (
                    <Table.Tr key={app.appId}>
                      <Table.Td>{app.displayName}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <StatusBadge status={app.circuit} />
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {app.errorRate === null ? '–' : `${(app.errorRate * 100).toFixed(1)} %`}{' '}
                        <Text span size="xs" c="dimmed">
                          ({app.failed}/{app.requests})
                        </Text>
                      </Table.Td>
                      <Table.Td>{app.stepsNeedingAttention}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </QueryState>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
