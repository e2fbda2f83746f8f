import { Button, Card, Code, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { can, formatTime, Me, post, usePolled } from '../api';
import { ActionButton } from '../components/ActionButton';
import { QueryState } from '../components/QueryState';
import { SodViolationsTable } from '../components/SodViolationsTable';
import { StatusBadge } from '../components/StatusBadge';
import type { PolicyPreview, PolicyRollout } from '../types';

const describe = (c: { account: boolean; groups: string[]; roles: string[] }) =>
  c.account ? 'account' : [...c.groups.map((g) => `group ${g}`), ...c.roles.map((r) => `role ${r}`)].join(', ');

export function PolicyPage({ me }: { me: Me }) {
  const current = usePolled<{ text: string; rules: { name: string }[] }>(['policy'], '/api/ops/policy', true, 30_000);
  const rollouts = usePolled<{ items: PolicyRollout[] }>(['rollouts'], '/api/ops/policy/rollouts', true, 3_000);
  const [candidate, setCandidate] = useState('');
  const preview = useMutation({ mutationFn: () => post<PolicyPreview>('/api/ops/policy/preview', { policy: candidate }) });

  return (
    <Stack>
      <Title order={1}>Policy</Title>
      <Card withBorder>
        <Title order={2} size="h3">
          Rules in force
        </Title>
        <QueryState isPending={current.isPending} error={current.error}>
          {() => (
            <Stack gap="xs">
              <Text size="sm">{current.data?.rules.map((r) => r.name).join(', ')}</Text>
              <Code block aria-label="Policy in force" style={{ maxHeight: 320, overflow: 'auto' }}>
                {current.data?.text}
              </Code>
            </Stack>
          )}
        </QueryState>
      </Card>
      <Card withBorder>
        <Title order={2} size="h3">
          Preview a candidate
        </Title>
        <Stack gap="xs">
          <Textarea
            label="Candidate policy.yaml"
            description="Paste the whole file; nothing changes until the file is deployed"
            autosize
            minRows={6}
            maxRows={20}
            value={candidate}
            onChange={(event) => setCandidate(event.currentTarget.value)}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
          <Group>
            <Button onClick={() => preview.mutate()} loading={preview.isPending} disabled={!candidate.trim()}>
              Preview
            </Button>
            <Button variant="default" onClick={() => setCandidate(current.data?.text ?? '')}>
              Start from the policy in force
            </Button>
          </Group>
          {preview.error ? (
            <Text c="red.9" role="alert">
              {preview.error.message}
            </Text>
          ) : null}
          {preview.data ? (
            <Stack gap="xs" aria-label="Preview result">
              <Text role="status">
                {preview.data.affected} of {preview.data.evaluated} people affected · accounts gained {preview.data.totals.accountsGained},
                lost {preview.data.totals.accountsLost} · groups gained {preview.data.totals.groupsGained}, lost{' '}
                {preview.data.totals.groupsLost}
              </Text>
              <Table fz="sm" aria-label="Who gains and loses what">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Person</Table.Th>
                    <Table.Th>Gains</Table.Th>
                    <Table.Th>Loses</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.data.people.map((p) => (
                    <Table.Tr key={p.employeeId}>
                      <Table.Td>{p.employeeId}</Table.Td>
                      <Table.Td>{p.gains.map((g) => `${g.appId}: ${describe(g)}`).join('; ')}</Table.Td>
                      <Table.Td>{p.losses.map((l) => `${l.appId}: ${describe(l)}`).join('; ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Title order={3} size="h4">
                Separation of duties
              </Title>
              <SodViolationsTable
                label="Who the candidate would put in violation"
                violations={preview.data.sodViolations ?? []}
                empty="The candidate puts nobody in violation of a separation-of-duties rule."
              />
            </Stack>
          ) : null}
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={2} size="h3">
          Rollouts
        </Title>
        <QueryState isPending={rollouts.isPending} error={rollouts.error}>
          {() => (
            <Table aria-label="Policy rollouts">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Rollout</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>People</Table.Th>
                  <Table.Th>Losing access</Table.Th>
                  <Table.Th>Decided by</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rollouts.data?.items.map((r) => (
                  <Table.Tr key={r.rolloutId}>
                    <Table.Td>
                      <Text size="xs" ff="monospace">
                        {r.rolloutId}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={r.status} />
                    </Table.Td>
                    <Table.Td>{r.people}</Table.Td>
                    <Table.Td>{r.peopleLosingAccess}</Table.Td>
                    <Table.Td>{r.decidedBy ?? ''}</Table.Td>
                    <Table.Td>{formatTime(r.createdAt)}</Table.Td>
                    <Table.Td>
                      {r.status === 'waiting_approval' && can(me, 'approver') ? (
                        <Group gap="xs">
                          <ActionButton label="Approve rollout" color="green.9" run={() => post(`/api/ops/policy/rollouts/${r.rolloutId}/approve`)} />
                          <ActionButton label="Reject rollout" color="red.9" run={() => post(`/api/ops/policy/rollouts/${r.rolloutId}/reject`)} />
                        </Group>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
      </Card>
    </Stack>
  );
}
