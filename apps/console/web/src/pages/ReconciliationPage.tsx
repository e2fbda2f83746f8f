import { Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { can, Me, post, usePolled } from '../api';
import { ActionButton } from '../components/ActionButton';
import { QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';
import type { ReconciliationAppReport, ReconciliationRun } from '../types';

interface LatestReports {
  items: { appId: string; reconciliationId: string; finishedAt?: string; report: ReconciliationAppReport }[];
  running: string[];
}

export function ReconciliationPage({ me }: { me: Me }) {
  const latest = usePolled<LatestReports>(['reconciliations'], '/api/ops/reconciliation-reports/latest', true, 3_000);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Reconciliation</Title>
        {can(me, 'operator') ? (
          <ActionButton label="Reconcile all apps now" done="Reconciliation started" run={() => post<ReconciliationRun>('/api/ops/reconciliations', {})} />
        ) : null}
      </Group>
      <Text size="sm" c="dimmed">
        Orphaned: active accounts with no active person behind them. Unmanaged: accounts Tenure did not make. Drifted:
        attributes or groups that differ from the identity store and policy. Orphans are disabled only within the
        configured limit (maxAutoDisable): past it they are left alone and the report says they need approval.
      </Text>
      <QueryState isPending={latest.isPending} error={latest.error}>
        {() => (
          <Stack>
            {latest.data?.running.length ? <Text role="status">Running: {latest.data.running.join(', ')}</Text> : null}
            {latest.data?.items.length === 0 ? <Text c="dimmed">No reconciliation has finished yet.</Text> : null}
            {latest.data?.items.map(({ appId, report, finishedAt }) => (
              <Card withBorder key={appId} component="section" aria-label={`Reconciliation of ${appId}`}>
                <Group justify="space-between">
                  <Title order={2} size="h3">
                    {appId}
                  </Title>
                  <Group gap="xs">
                    <Text size="sm">{finishedAt ? new Date(finishedAt).toLocaleString() : ''}</Text>
                    <StatusBadge status={report.error ? 'failed' : 'completed'} />
                    {can(me, 'operator') ? (
                      <ActionButton label={`Reconcile ${appId}`} variant="outline" done="Started" run={() => post('/api/ops/reconciliations', { appId })} />
                    ) : null}
                    {can(me, 'operator') && report.counts.orphaned > 0 ? (
                      <ActionButton
                        label={`Disable orphans in ${appId}`}
                        color="red.9"
                        done="Reconciling and disabling"
                        run={() => post('/api/ops/reconciliations', { appId, disableOrphans: true })}
                      />
                    ) : null}
                  </Group>
                </Group>
                {report.error ? <Text c="red.9">{report.error}</Text> : null}
                <Text size="sm">
                  {report.accountsInApp} accounts · {report.counts.orphaned} orphaned · {report.counts.unmanaged} unmanaged ·{' '}
                  {report.counts.drifted} drifted · {report.counts.matched} matched · orphans: {report.orphanAction}
                </Text>
                {report.orphaned.length + report.unmanaged.length + report.drifted.length > 0 ? (
                  <Table fz="sm" aria-label={`Findings in ${appId}`}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Finding</Table.Th>
                        <Table.Th>Account</Table.Th>
                        <Table.Th>Details</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {report.orphaned.slice(0, 50).map((a) => (
                        <Table.Tr key={`o-${a.externalId}`}>
                          <Table.Td>orphaned</Table.Td>
                          <Table.Td>{a.userName ?? a.externalId}</Table.Td>
                          <Table.Td>{a.employeeId ?? ''}</Table.Td>
                        </Table.Tr>
                      ))}
                      {report.unmanaged.slice(0, 50).map((a) => (
                        <Table.Tr key={`u-${a.externalId}`}>
                          <Table.Td>unmanaged</Table.Td>
                          <Table.Td>{a.userName ?? a.externalId}</Table.Td>
                          <Table.Td />
                        </Table.Tr>
                      ))}
                      {report.drifted.slice(0, 50).map((a) => (
                        <Table.Tr key={`d-${a.externalId}`}>
                          <Table.Td>drifted</Table.Td>
                          <Table.Td>{a.employeeId ?? a.externalId}</Table.Td>
                          <Table.Td>
                            {a.attributes.map((d) => `${d.field}: ${String(d.actual)} → ${String(d.expected)}`).join('; ')}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                ) : null}
              </Card>
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
