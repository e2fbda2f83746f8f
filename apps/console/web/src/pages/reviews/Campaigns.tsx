import { Button, Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { can, formatTime, Me, post, usePolled } from '../../api';
import { ActionButton } from '../../components/ActionButton';
import { QueryState } from '../../components/QueryState';
import { StatusBadge } from '../../components/StatusBadge';
import type { CampaignReport, ReportedReviewItem, ReviewCampaign, ReviewItem } from '../../types';
import { describeAccess } from './describe';

const CLOSED = ['completed', 'cancelled'];

/** A campaign's completion; the list has none of its own, so each row reads the campaign. */
function Completion({ campaignId }: { campaignId: string }) {
  const detail = usePolled<ReviewCampaign>(['campaign', campaignId], `/api/ops/reviews/campaigns/${campaignId}`, true, 5_000);
  if (!detail.data?.counts) return <Text size="sm">–</Text>;
  const { counts, completion = 0 } = detail.data;
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={completion} w={80} aria-label={`Completion ${completion}%`} />
      <Text size="sm">
        {completion}% · {counts.decided} of {counts.items}
      </Text>
    </Group>
  );
}

export function CampaignList({ selected, onSelect }: { selected?: string; onSelect: (campaignId: string) => void }) {
  const campaigns = usePolled<{ items: ReviewCampaign[] }>(['campaigns'], '/api/ops/reviews/campaigns?limit=50', true, 2_000);
  return (
    <Card withBorder component="section" aria-label="Campaigns">
      <Title order={2} size="h3">
        Campaigns
      </Title>
      <QueryState isPending={campaigns.isPending} error={campaigns.error}>
        {() =>
          campaigns.data?.items.length === 0 ? (
            <Text c="dimmed">No campaign yet.</Text>
          ) : (
            <Table fz="sm" aria-label="Review campaigns">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Campaign</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Starts</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th>Completion</Table.Th>
                  <Table.Th>Created by</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {campaigns.data?.items.map((c) => (
                  <Table.Tr key={c.campaignId} bg={c.campaignId === selected ? 'indigo.0' : undefined}>
                    <Table.Td>{c.name}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={c.status} />
                    </Table.Td>
                    <Table.Td>{formatTime(c.startsAt)}</Table.Td>
                    <Table.Td>{formatTime(c.dueAt)}</Table.Td>
                    <Table.Td>
                      <Completion campaignId={c.campaignId} />
                    </Table.Td>
                    <Table.Td>{c.createdBy}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="default" onClick={() => onSelect(c.campaignId)} aria-label={`Report of ${c.name}`}>
                        Report
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Card>
  );
}

function ReportedTable({ label, items }: { label: string; items: ReportedReviewItem[] }) {
  if (items.length === 0) return null;
  return (
    <Table fz="sm" aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Person</Table.Th>
          <Table.Th>Access</Table.Th>
          <Table.Th>Reviewers</Table.Th>
          <Table.Th>Decided by</Table.Th>
          <Table.Th>Reason</Table.Th>
          <Table.Th>Revocation</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.itemId}>
            <Table.Td>{item.employeeId ?? '–'}</Table.Td>
            <Table.Td>{describeAccess(item)}</Table.Td>
            <Table.Td>{item.reviewerIds.join(', ')}</Table.Td>
            <Table.Td>{item.decidedBy ?? ''}</Table.Td>
            <Table.Td>{item.reason ?? ''}</Table.Td>
            <Table.Td>
              {[item.revocation, item.revocationDetail].filter(Boolean).join(': ')}
              {item.runId ? ` (run ${item.runId})` : ''}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The campaign's report (counts, completion, what was revoked and what is overdue) and every item's decision. */
export function CampaignReportView({ me, campaignId }: { me: Me; campaignId: string }) {
  const report = usePolled<CampaignReport>(['campaign-report', campaignId], `/api/ops/reviews/campaigns/${campaignId}/report`, true, 2_000);
  const items = usePolled<{ items: ReviewItem[] }>(['campaign-items', campaignId], `/api/ops/reviews/campaigns/${campaignId}/items`, true, 2_000);
  const r = report.data;
  return (
    <Card withBorder component="section" aria-label={r ? `Report of ${r.name}` : 'Campaign report'}>
      <QueryState isPending={report.isPending} error={report.error}>
        {() =>
          r ? (
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={2} size="h3">
                  {r.name}
                </Title>
                <Group gap="xs">
                  <StatusBadge status={r.status} />
                  {can(me, 'approver') && !CLOSED.includes(r.status) ? (
                    <ActionButton
                      label="Cancel campaign"
                      color="red.9"
                      variant="outline"
                      done="Cancelled"
                      run={() => post(`/api/ops/reviews/campaigns/${campaignId}/cancel`, { reason: 'cancelled from the console' })}
                    />
                  ) : null}
                </Group>
              </Group>
              <Text size="sm">
                Starts {formatTime(r.startsAt)} · due {formatTime(r.dueAt)}
                {r.closedAt ? ` · closed ${formatTime(r.closedAt)}` : ''}
              </Text>
              <Progress value={r.completion} aria-label={`Report completion ${r.completion}%`} />
              <Text role="status" size="sm">
                {r.completion}% complete · {r.counts.items} items · {r.counts.kept} kept · {r.counts.revoked} revoked · {r.counts.undecided} undecided ·{' '}
                {r.counts.overdue} overdue · {r.counts.escalated} escalated · {r.counts.sodConflicts} with SoD conflicts
              </Text>
              {r.revoked.length ? <Title order={3} size="h4">Revoked</Title> : null}
              <ReportedTable label="Revoked" items={r.revoked} />
              {r.overdue.length ? <Title order={3} size="h4">Overdue</Title> : null}
              <ReportedTable label="Overdue" items={r.overdue} />
              <Title order={3} size="h4">
                Items
              </Title>
              <Table fz="sm" aria-label="Campaign items">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Person</Table.Th>
                    <Table.Th>Access</Table.Th>
                    <Table.Th>Source</Table.Th>
                    <Table.Th>Reviewers</Table.Th>
                    <Table.Th>SoD</Table.Th>
                    <Table.Th>Decision</Table.Th>
                    <Table.Th>Reason</Table.Th>
                    <Table.Th>Decided by</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.data?.items.map((item) => (
                    <Table.Tr key={item.itemId} data-item={item.itemId}>
                      <Table.Td>{item.employeeId ?? item.userName ?? item.externalId}</Table.Td>
                      <Table.Td>{describeAccess(item)}</Table.Td>
                      <Table.Td>{item.source.replace('_', ' ')}</Table.Td>
                      <Table.Td>{item.reviewerIds.join(', ')}</Table.Td>
                      <Table.Td>{item.sod.map((v) => v.rule).join(', ')}</Table.Td>
                      <Table.Td>{item.decision ?? 'undecided'}</Table.Td>
                      <Table.Td>{item.reason ?? ''}</Table.Td>
                      <Table.Td>{item.decidedBy ?? ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          ) : null
        }
      </QueryState>
    </Card>
  );
}
