import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { can, formatTime, Me, post, usePolled } from '../api';
import { ActionButton } from '../components/ActionButton';
import { QueryState } from '../components/QueryState';
import { RunTimeline } from '../components/RunTimeline';
import { StatusBadge } from '../components/StatusBadge';
import type { Employee, Run } from '../types';

const ATTRIBUTES = ['givenName', 'familyName', 'email', 'department', 'title', 'location', 'managerId', 'employmentType', 'timeZone'];

function RunActions({ run, me }: { run: Run; me: Me }) {
  const path = `/api/ops/runs/${encodeURIComponent(run.runId)}`;
  const failedApps = run.steps.filter((step) => step.status === 'needs_attention').map((step) => step.appId);
  return (
    <Group gap="xs">
      {run.status === 'failed' && can(me, 'operator')
        ? failedApps.map((appId) => (
            <ActionButton
              key={appId}
              label={`Retry ${appId}`}
              done="Retry started"
              run={() => post(`${path}/retry`, { appId })}
            />
          ))
        : null}
      {run.status === 'waiting_approval' && can(me, 'approver') ? (
        <>
          <ActionButton label="Approve" color="green.9" done="Approved" run={() => post(`${path}/approve`)} />
          <ActionButton label="Reject" color="red.9" done="Rejected" run={() => post(`${path}/reject`)} />
        </>
      ) : null}
      {(run.status === 'scheduled' || run.status === 'failed') && can(me, 'operator', 'approver') ? (
        <ActionButton label="Cancel run" variant="outline" color="red.9" done="Cancelled" run={() => post(`${path}/cancel`)} />
      ) : null}
    </Group>
  );
}

export function PersonPage({ me }: { me: Me }) {
  const { employeeId = '' } = useParams();
  const person = usePolled<Employee>(['employee', employeeId], `/api/ops/employees/${encodeURIComponent(employeeId)}`);
  return (
    <Stack>
      <Anchor component={Link} to="/people" size="sm">
        ← People
      </Anchor>
      <QueryState isPending={person.isPending} error={person.error}>
        {() => {
          const p = person.data as Employee;
          const name = [p.attributes.givenName, p.attributes.familyName].filter(Boolean).join(' ') || p.employeeId;
          return (
            <Stack>
              <Group>
                <Title order={1}>{name}</Title>
                <StatusBadge status={p.state} />
              </Group>
              <SimpleGrid cols={{ base: 1, lg: 2 }}>
                <Card withBorder>
                  <Title order={2} size="h3">
                    Attributes
                  </Title>
                  <Table aria-label="Attributes">
                    <Table.Tbody>
                      <Table.Tr>
                        <Table.Th>employeeId</Table.Th>
                        <Table.Td>{p.employeeId}</Table.Td>
                      </Table.Tr>
                      {ATTRIBUTES.filter((key) => p.attributes[key]).map((key) => (
                        <Table.Tr key={key}>
                          <Table.Th>{key}</Table.Th>
                          <Table.Td>{p.attributes[key]}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Card>
                <Card withBorder>
                  <Title order={2} size="h3">
                    Accounts
                  </Title>
                  <Table aria-label="Accounts">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>App</Table.Th>
                        <Table.Th>Status</Table.Th>
                        <Table.Th>External id</Table.Th>
                        <Table.Th>Reason</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {p.accounts.map((account) => (
                        <Table.Tr key={account.appId} data-app={account.appId}>
                          <Table.Td>{account.appId}</Table.Td>
                          <Table.Td>
                            <StatusBadge status={account.status} />
                          </Table.Td>
                          <Table.Td>
                            <Text size="xs" ff="monospace">
                              {account.externalId ?? '–'}
                            </Text>
                          </Table.Td>
                          <Table.Td>{account.reason ?? ''}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Card>
              </SimpleGrid>
              <Card withBorder>
                <Title order={2} size="h3">
                  Entitlements
                </Title>
                <Table aria-label="Entitlements">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>App</Table.Th>
                      <Table.Th>Groups</Table.Th>
                      <Table.Th>Roles</Table.Th>
                      <Table.Th>Rule behind it</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {p.entitlements.map((e) => (
                      <Table.Tr key={e.appId}>
                        <Table.Td>{e.appId}</Table.Td>
                        <Table.Td>{e.groups.join(', ')}</Table.Td>
                        <Table.Td>{e.roles.join(', ')}</Table.Td>
                        <Table.Td>{e.rules.join(', ')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Card>
              <SimpleGrid cols={{ base: 1, lg: 2 }}>
                <Card withBorder>
                  <Title order={2} size="h3">
                    Scheduled runs
                  </Title>
                  {p.scheduled.length === 0 ? (
                    <Text c="dimmed">Nothing scheduled.</Text>
                  ) : (
                    p.scheduled.map((run) => (
                      <Group key={run.runId} justify="space-between">
                        <Text>
                          {run.eventType} at {formatTime(run.nextAt)}
                        </Text>
                        <RunActions run={run} me={me} />
                      </Group>
                    ))
                  )}
                </Card>
                <Card withBorder>
                  <Title order={2} size="h3">
                    Access requests
                  </Title>
                  {p.accessRequests.length === 0 ? (
                    <Text c="dimmed">No access requests.</Text>
                  ) : (
                    <Table aria-label="Access requests">
                      <Table.Tbody>
                        {p.accessRequests.map((r) => (
                          <Table.Tr key={r.requestId}>
                            <Table.Td>{r.appId}</Table.Td>
                            <Table.Td>{[...r.groups, ...r.roles].join(', ')}</Table.Td>
                            <Table.Td>
                              <StatusBadge status={r.status} />
                            </Table.Td>
                            <Table.Td>{r.decidedBy ?? ''}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  )}
                </Card>
              </SimpleGrid>
              <Card withBorder>
                <Title order={2} size="h3" mb="sm">
                  Runs
                </Title>
                <RunTimeline runs={p.runs} actions={(run) => <RunActions run={run} me={me} />} />
              </Card>
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
