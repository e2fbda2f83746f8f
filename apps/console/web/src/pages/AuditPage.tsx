import { BarChart } from '@mantine/charts';
import { Anchor, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, formatDuration, formatTime } from '../api';
import { QueryState } from '../components/QueryState';
import { StatusBadge } from '../components/StatusBadge';
import type { AuditRecord, DeprovisioningReport } from '../types';

/** `<input type="datetime-local">` gives local wall time; the audit API wants instants with an offset. */
const instant = (local: string) => (local ? new Date(local).toISOString() : '');
const localInput = (date: Date) => new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
const query = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== '') as [string, string][]).toString();

function EventsSearch() {
  const [filters, setFilters] = useState({ employeeId: '', appId: '', action: '', outcome: '', from: '', to: '' });
  const [submitted, setSubmitted] = useState(filters);
  const events = useQuery({
    queryKey: ['audit-events', submitted],
    queryFn: () =>
      api<{ items: AuditRecord[] }>(
        `/api/audit/events?${query({ ...submitted, from: instant(submitted.from), to: instant(submitted.to), limit: 100 })}`,
      ),
    refetchInterval: 3_000,
  });
  const set = (key: keyof typeof filters) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setFilters({ ...filters, [key]: event.currentTarget.value });
  return (
    <Card withBorder component="section" aria-label="Audit records">
      <Title order={2} size="h3">
        Records
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setSubmitted(filters);
        }}
      >
        <Group align="end" wrap="wrap">
          <TextInput label="Employee id" value={filters.employeeId} onChange={set('employeeId')} w={140} />
          <TextInput label="App" value={filters.appId} onChange={set('appId')} w={120} />
          <TextInput label="Action" placeholder="account.disable" value={filters.action} onChange={set('action')} w={160} />
          <Select
            label="Outcome"
            data={['', 'succeeded', 'failed']}
            value={filters.outcome}
            onChange={(v) => setFilters({ ...filters, outcome: v ?? '' })}
            w={130}
          />
          <TextInput type="datetime-local" label="From" value={filters.from} onChange={set('from')} />
          <TextInput type="datetime-local" label="To" value={filters.to} onChange={set('to')} />
          <Button type="submit">Search</Button>
        </Group>
      </form>
      <QueryState isPending={events.isPending} error={events.error}>
        {() => (
          <Table fz="sm" striped mt="sm" aria-label="Matching audit records">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>At</Table.Th>
                <Table.Th>Person</Table.Th>
                <Table.Th>App</Table.Th>
                <Table.Th>Action</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>Actor</Table.Th>
                <Table.Th>Rule / reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.data?.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.seq}</Table.Td>
                  <Table.Td>{formatTime(r.at)}</Table.Td>
                  <Table.Td>{r.employeeId}</Table.Td>
                  <Table.Td>{r.appId}</Table.Td>
                  <Table.Td>{r.action}</Table.Td>
                  <Table.Td>{r.outcome ?? ''}</Table.Td>
                  <Table.Td>{[r.actor, r.actorId].filter(Boolean).join(' ')}</Table.Td>
                  <Table.Td>{r.reason ?? r.rule ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Card>
  );
}

function AccessAt() {
  const [appId, setAppId] = useState('');
  const [at, setAt] = useState(localInput(new Date()));
  const [asked, setAsked] = useState<{ appId: string; at: string }>();
  const access = useQuery({
    queryKey: ['audit-access', asked],
    queryFn: () => api<{ accounts: { employeeId: string; appId: string; externalId: string; activeSince: string; groups: string[] }[] }>(
      `/api/audit/access?${query({ appId: asked?.appId, at: instant(asked?.at ?? '') })}`,
    ),
    enabled: Boolean(asked),
  });
  return (
    <Card withBorder component="section" aria-label="Access at a moment">
      <Title order={2} size="h3">
        Who had access at a moment
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setAsked({ appId, at });
        }}
      >
        <Group align="end">
          <TextInput label="App" value={appId} onChange={(e) => setAppId(e.currentTarget.value)} required w={140} />
          <TextInput type="datetime-local" label="At" value={at} onChange={(e) => setAt(e.currentTarget.value)} required />
          <Button type="submit">Show access</Button>
        </Group>
      </form>
      {asked ? (
        <QueryState isPending={access.isPending} error={access.error}>
          {() => (
            <Table fz="sm" mt="sm" aria-label="Accounts active at that moment">
              <Table.Tbody>
                {access.data?.accounts.map((a) => (
                  <Table.Tr key={`${a.employeeId}-${a.externalId}`}>
                    <Table.Td>{a.employeeId}</Table.Td>
                    <Table.Td>since {formatTime(a.activeSince)}</Table.Td>
                    <Table.Td>{a.groups.join(', ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
      ) : null}
    </Card>
  );
}

function Deprovisioning() {
  const now = new Date();
  const [from, setFrom] = useState(localInput(new Date(now.getTime() - 30 * 86_400_000)));
  const [to, setTo] = useState(localInput(new Date(now.getTime() + 60_000)));
  const [target, setTarget] = useState<number | string>(4);
  const [asked, setAsked] = useState<{ from: string; to: string; target: number | string }>();
  const params = asked ? query({ from: instant(asked.from), to: instant(asked.to), targetHours: asked.target }) : '';
  const report = useQuery({
    queryKey: ['audit-deprovisioning', params],
    queryFn: () => api<DeprovisioningReport>(`/api/audit/deprovisioning?${params}`),
    enabled: Boolean(asked),
  });
  return (
    <Card withBorder component="section" aria-label="Deprovisioning report">
      <Title order={2} size="h3">
        Deprovisioning report
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setAsked({ from, to, target });
        }}
      >
        <Group align="end">
          <TextInput type="datetime-local" label="From" value={from} onChange={(e) => setFrom(e.currentTarget.value)} required />
          <TextInput type="datetime-local" label="To" value={to} onChange={(e) => setTo(e.currentTarget.value)} required />
          <NumberInput label="Target (hours)" value={target} onChange={setTarget} min={0.001} w={130} />
          <Button type="submit">Run report</Button>
          {asked ? (
            <Anchor href={`/api/audit/evidence?${params}`} download>
              Download evidence (zip)
            </Anchor>
          ) : null}
        </Group>
      </form>
      {asked ? (
        <QueryState isPending={report.isPending} error={report.error}>
          {() => {
            const r = report.data as DeprovisioningReport;
            return (
              <Stack gap="xs" mt="sm">
                <Text role="status">
                  {r.summary.leavers} leavers · {r.summary.deprovisioned} deprovisioned · {r.summary.open} open ·{' '}
                  {r.summary.breaches} breaches of {r.targetHours} h · p50 {formatDuration(r.summary.percentilesMs?.p50)} · p95{' '}
                  {formatDuration(r.summary.percentilesMs?.p95)}
                </Text>
                <BarChart
                  h={200}
                  aria-label="Time to deprovision per leaver"
                  data={r.leavers
                    .filter((l) => l.status !== 'no_access')
                    .map((l) => ({ leaver: l.employeeId, minutes: +(((l.durationMs ?? l.elapsedMs ?? 0) / 60_000).toFixed(2)) }))}
                  dataKey="leaver"
                  series={[{ name: 'minutes', color: 'indigo.8' }]}
                  referenceLines={[{ y: r.targetHours * 60, label: 'target', color: 'red.8' }]}
                />
                <Table fz="sm" aria-label="Leavers">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Person</Table.Th>
                      <Table.Th>Effective</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th>Time to deprovision</Table.Th>
                      <Table.Th>Breached</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {r.leavers.map((l) => (
                      <Table.Tr key={l.eventId}>
                        <Table.Td>{l.employeeId}</Table.Td>
                        <Table.Td>{formatTime(l.effectiveAt)}</Table.Td>
                        <Table.Td>
                          <StatusBadge status={l.status} />
                        </Table.Td>
                        <Table.Td>{formatDuration(l.durationMs ?? l.elapsedMs)}</Table.Td>
                        <Table.Td>{l.breached ? 'yes' : 'no'}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            );
          }}
        </QueryState>
      ) : null}
    </Card>
  );
}

function ChainVerification() {
  const verify = useQuery({
    queryKey: ['audit-verify'],
    queryFn: () => api<{ ok: boolean; count: number; lastSeq?: number; brokenAt?: { seq: number }; reason?: string }>('/api/audit/verify'),
    enabled: false,
  });
  return (
    <Card withBorder component="section" aria-label="Chain verification">
      <Title order={2} size="h3">
        Chain verification
      </Title>
      <Group>
        <Button onClick={() => void verify.refetch()} loading={verify.isFetching}>
          Verify the chain
        </Button>
        {verify.data ? (
          <Text role="status" c={verify.data.ok ? 'green.9' : 'red.9'}>
            {verify.data.ok
              ? `Intact: ${verify.data.count} records verified`
              : `Broken at record ${verify.data.brokenAt?.seq}: ${verify.data.reason}`}
          </Text>
        ) : null}
        {verify.error ? <Text c="red.9">{verify.error.message}</Text> : null}
      </Group>
    </Card>
  );
}

export function AuditPage() {
  return (
    <Stack>
      <Title order={1}>Audit</Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ChainVerification />
        <AccessAt />
      </SimpleGrid>
      <Deprovisioning />
      <EventsSearch />
    </Stack>
  );
}
