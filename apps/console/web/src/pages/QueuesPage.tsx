import { Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { can, formatTime, Me, post, usePolled } from '../api';
import { ActionButton } from '../components/ActionButton';
import { QueryState } from '../components/QueryState';
import type { AccessRequest, MassChangeBatch, MassChangeRun, Run } from '../types';

interface Attention {
  appId: string;
  reason: string;
  steps: { run: Run; phase: string }[];
}

/** Failed steps grouped by app, then by the app's reason (its code: `TEMPORARY`, `INVALID`, …). */
function groupAttention(runs: Run[]): Map<string, Attention[]> {
  const byApp = new Map<string, Map<string, Attention>>();
  for (const run of runs) {
    for (const step of run.steps.filter((s) => s.status === 'needs_attention')) {
      const reason = (step.reason ?? 'unknown').split(':')[0];
      const reasons = byApp.get(step.appId) ?? new Map<string, Attention>();
      const group = reasons.get(reason) ?? { appId: step.appId, reason, steps: [] };
      group.steps.push({ run, phase: step.phase });
      reasons.set(reason, group);
      byApp.set(step.appId, reasons);
    }
  }
  return new Map([...byApp].map(([app, reasons]) => [app, [...reasons.values()]]));
}

function BatchRuns({ batchId }: { batchId: string }) {
  const batch = usePolled<{ runs: MassChangeRun[] }>(['mass-change', batchId], `/api/ops/mass-changes/${encodeURIComponent(batchId)}`);
  return (
    <QueryState isPending={batch.isPending} error={batch.error}>
      {() => (
        <Table fz="sm" aria-label={`Runs held in ${batchId}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th>Event</Table.Th>
              <Table.Th>Source</Table.Th>
              <Table.Th>Accounts</Table.Th>
              <Table.Th>Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {batch.data?.runs.map((run) => (
              <Table.Tr key={run.runId}>
                <Table.Td>
                  <Link to={`/people/${run.employeeId}`}>{run.employeeId}</Link>
                </Table.Td>
                <Table.Td>{run.eventType}</Table.Td>
                <Table.Td>{run.source ?? ''}</Table.Td>
                <Table.Td>{run.accounts.map((a) => `${a.appId} ${a.change}`).join(', ')}</Table.Td>
                <Table.Td>{run.status}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryState>
  );
}

export function QueuesPage({ me }: { me: Me }) {
  const reads = can(me, 'operator', 'approver');
  const failed = usePolled<{ items: Run[] }>(['runs', 'failed'], '/api/ops/runs?status=failed&limit=500', reads);
  const waiting = usePolled<{ items: Run[] }>(['runs', 'waiting_approval'], '/api/ops/runs?status=waiting_approval&limit=500', reads);
  const batches = usePolled<{ items: MassChangeBatch[] }>(['mass-changes', 'waiting'], '/api/ops/mass-changes?status=waiting_approval', reads);
  const requests = usePolled<{ items: AccessRequest[] }>(['access-requests', 'pending'], '/api/ops/access-requests?status=pending');
  const attention = groupAttention(failed.data?.items ?? []);

  return (
    <Stack>
      <Title order={1}>Queues</Title>
      {reads ? (
        <>
          <Card withBorder>
            <Title order={2} size="h3">
              Needs attention
            </Title>
            <QueryState isPending={failed.isPending} error={failed.error}>
              {() =>
                attention.size === 0 ? (
                  <Text c="dimmed">Nothing needs attention.</Text>
                ) : (
                  <Stack>
                    {[...attention].map(([appId, groups]) => (
                      <Stack key={appId} gap={4} component="section" aria-label={`Needs attention in ${appId}`}>
                        <Group justify="space-between">
                          <Title order={3} size="h4">
                            {appId}
                          </Title>
                          {can(me, 'operator') ? (
                            <ActionButton
                              label={`Retry all for ${appId}`}
                              done="Retries started"
                              run={() =>
                                Promise.all(
                                  [...new Set(groups.flatMap((g) => g.steps.map((s) => s.run.runId)))].map((runId) =>
                                    post(`/api/ops/runs/${encodeURIComponent(runId)}/retry`, { appId }),
                                  ),
                                )
                              }
                            />
                          ) : null}
                        </Group>
                        {groups.map((group) => (
                          <Text key={group.reason} size="sm">
                            <b>{group.reason}</b>: {group.steps.map((s) => `${s.run.employeeId} (${s.run.eventType}, ${s.phase})`).join(', ')}
                          </Text>
                        ))}
                      </Stack>
                    ))}
                  </Stack>
                )
              }
            </QueryState>
          </Card>

          <Card withBorder>
            <Title order={2} size="h3">
              Waiting for approval
            </Title>
            <QueryState isPending={waiting.isPending} error={waiting.error}>
              {() =>
                waiting.data?.items.length === 0 ? (
                  <Text c="dimmed">No run waits for approval.</Text>
                ) : (
                  <Table aria-label="Runs waiting for approval">
                    <Table.Tbody>
                      {waiting.data?.items.map((run) => (
                        <Table.Tr key={run.runId}>
                          <Table.Td>
                            <Link to={`/people/${run.employeeId}`}>{run.employeeId}</Link>
                          </Table.Td>
                          <Table.Td>{run.eventType}</Table.Td>
                          <Table.Td>{run.reason}</Table.Td>
                          <Table.Td>
                            {can(me, 'approver') && !run.massChange ? (
                              <Group gap="xs">
                                <ActionButton label="Approve" color="green.9" run={() => post(`/api/ops/runs/${encodeURIComponent(run.runId)}/approve`)} />
                                <ActionButton label="Reject" color="red.9" run={() => post(`/api/ops/runs/${encodeURIComponent(run.runId)}/reject`)} />
                              </Group>
                            ) : null}
                          </Table.Td>
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
              Held mass-change batches
            </Title>
            <QueryState isPending={batches.isPending} error={batches.error}>
              {() =>
                batches.data?.items.length === 0 ? (
                  <Text c="dimmed">No batch is held.</Text>
                ) : (
                  <Stack>
                    {batches.data?.items.map((batch) => (
                      <Stack key={batch.batchId} gap={4} component="section" aria-label={`Batch ${batch.batchId}`}>
                        <Group justify="space-between">
                          <Text fw={600}>
                            {batch.batchId}: {batch.counts.people} people, {batch.counts.accounts} accounts, from{' '}
                            {batch.sources.join(', ')} (opened {formatTime(batch.openedAt)}, limit {batch.limits.maxPeople} in{' '}
                            {batch.window})
                          </Text>
                          {can(me, 'approver') ? (
                            <Group gap="xs">
                              <ActionButton
                                label="Approve batch"
                                color="green.9"
                                done="Batch approved"
                                run={() => post(`/api/ops/mass-changes/${encodeURIComponent(batch.batchId)}/approve`)}
                              />
                              <ActionButton
                                label="Reject batch"
                                color="red.9"
                                done="Batch rejected"
                                run={() => post(`/api/ops/mass-changes/${encodeURIComponent(batch.batchId)}/reject`)}
                              />
                            </Group>
                          ) : null}
                        </Group>
                        <BatchRuns batchId={batch.batchId} />
                      </Stack>
                    ))}
                  </Stack>
                )
              }
            </QueryState>
          </Card>
        </>
      ) : null}

      <Card withBorder>
        <Title order={2} size="h3">
          Access requests to decide
        </Title>
        <QueryState isPending={requests.isPending} error={requests.error}>
          {() =>
            requests.data?.items.length === 0 ? (
              <Text c="dimmed">No access request waits for you.</Text>
            ) : (
              <Table aria-label="Access requests to decide">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>For</Table.Th>
                    <Table.Th>App</Table.Th>
                    <Table.Th>Asks for</Table.Th>
                    <Table.Th>Reason</Table.Th>
                    <Table.Th>Requested by</Table.Th>
                    <Table.Th>Decide</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {requests.data?.items.map((r) => (
                    <Table.Tr key={r.requestId}>
                      <Table.Td>{r.employeeId}</Table.Td>
                      <Table.Td>{r.appId}</Table.Td>
                      <Table.Td>{[...r.groups, ...r.roles].join(', ')}</Table.Td>
                      <Table.Td>{r.reason}</Table.Td>
                      <Table.Td>{r.requestedBy}</Table.Td>
                      <Table.Td>
                        <Group gap="xs">
                          <ActionButton label="Approve request" color="green.9" done="Approved" run={() => post(`/api/ops/access-requests/${encodeURIComponent(r.requestId)}/approve`)} />
                          <ActionButton label="Deny request" color="red.9" done="Denied" run={() => post(`/api/ops/access-requests/${encodeURIComponent(r.requestId)}/deny`)} />
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )
          }
        </QueryState>
      </Card>
    </Stack>
  );
}
