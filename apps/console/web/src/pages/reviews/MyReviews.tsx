import { Badge, Button, Card, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { formatTime, post, usePolled } from '../../api';
import type { BulkDecisionAnswer, ReviewItem } from '../../types';
import { describeAccess, describeGrant } from './describe';

type Decision = 'keep' | 'revoke';

/** One item to decide: its context, a reason, keep or revoke. */
function ItemRow({ item, onDecided }: { item: ReviewItem; onDecided: (item: ReviewItem) => void }) {
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: (decision: Decision) => post<ReviewItem>(`/api/ops/reviews/items/${item.itemId}/decision`, { decision, reason }),
    onSuccess: (decided) => {
      onDecided(decided);
      void client.invalidateQueries();
    },
  });
  const label = describeAccess(item);
  return (
    <Table.Tr data-item={item.itemId} aria-label={`Review of ${item.employeeId ?? item.userName ?? item.externalId} ${label}`}>
      <Table.Td>{item.employeeId ?? item.userName ?? item.externalId}</Table.Td>
      <Table.Td>
        <Text size="sm">{label}</Text>
        {item.birthright ? (
          <Badge variant="light" color="gray" c="dark.8" size="sm">
            birthright
          </Badge>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{describeGrant(item)}</Text>
        {item.escalatedFrom ? <Text size="xs">Escalated from {item.escalatedFrom}</Text> : null}
      </Table.Td>
      <Table.Td>
        {item.sod.length === 0 ? (
          <Text size="sm">none</Text>
        ) : (
          item.sod.map((v) => (
            <Text size="sm" c="red.9" key={v.rule}>
              {v.rule} ({v.severity}): {v.entitlements.join(' + ')}
            </Text>
          ))
        )}
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <TextInput
            size="xs"
            label="Reason"
            aria-label={`Reason for ${label}`}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Group gap="xs">
            <Button size="xs" color="green.9" disabled={!reason.trim()} loading={decide.isPending} onClick={() => decide.mutate('keep')}>
              Keep
            </Button>
            <Button size="xs" color="red.9" disabled={!reason.trim()} loading={decide.isPending} onClick={() => decide.mutate('revoke')}>
              Revoke
            </Button>
          </Group>
          {decide.error ? (
            <Text size="xs" c="red.9" role="alert">
              {decide.error.message}
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * One decision for all of a campaign's items the person reviews. The API
 * first answers what would be decided; only after the person confirms that
 * list is the decision sent with `confirm: true`.
 */
function BulkDecision({ campaignId, campaignName, onDecided }: { campaignId: string; campaignName: string; onDecided: (items: ReviewItem[]) => void }) {
  const client = useQueryClient();
  const [decision, setDecision] = useState<Decision>('keep');
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState<BulkDecisionAnswer>();
  const path = `/api/ops/reviews/campaigns/${campaignId}/decisions`;
  const ask = useMutation({
    mutationFn: (chosen: Decision) => {
      setDecision(chosen);
      return post<BulkDecisionAnswer>(path, { decision: chosen, reason });
    },
    onSuccess: setPending,
  });
  const confirm = useMutation({
    mutationFn: () => post<BulkDecisionAnswer>(path, { decision, reason, itemIds: pending?.items?.map((i) => i.itemId), confirm: true }),
    onSuccess: (answer) => {
      setPending(undefined);
      onDecided(answer.decided ?? []);
      void client.invalidateQueries();
    },
  });
  const error = ask.error ?? confirm.error;
  return (
    <Group gap="xs" align="end">
      <TextInput
        size="xs"
        label="Reason for all"
        aria-label={`Reason for all items of ${campaignName}`}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
      />
      <Button size="xs" variant="outline" disabled={!reason.trim()} loading={ask.isPending} onClick={() => ask.mutate('keep')}>
        Keep all
      </Button>
      <Button size="xs" variant="outline" color="red.9" disabled={!reason.trim()} loading={ask.isPending} onClick={() => ask.mutate('revoke')}>
        Revoke all
      </Button>
      {error ? (
        <Text size="xs" c="red.9" role="alert">
          {error.message}
        </Text>
      ) : null}
      <Modal opened={Boolean(pending)} onClose={() => setPending(undefined)} title={`${decision === 'keep' ? 'Keep' : 'Revoke'} ${pending?.items?.length ?? 0} items?`}>
        <Stack gap="xs">
          <Text size="sm">
            {campaignName}: these items will be decided {decision} with the reason “{reason}”.
          </Text>
          <Stack gap={2} component="ul" aria-label="Items to decide" m={0} pl="md">
            {pending?.items?.map((item) => (
              <Text component="li" size="sm" key={item.itemId}>
                {item.employeeId ?? item.userName ?? item.externalId}: {describeAccess(item)}
              </Text>
            ))}
          </Stack>
          {pending?.refused.length ? <Text size="sm">Not yours to decide: {pending.refused.length}</Text> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(undefined)}>
              Cancel
            </Button>
            <Button
              color={decision === 'keep' ? 'green.9' : 'red.9'}
              disabled={!pending?.items?.length}
              loading={confirm.isPending}
              onClick={() => confirm.mutate()}
            >
              Confirm {decision}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}

/** The signed-in reviewer's undecided items, by campaign, and what they decided here. */
export function MyReviews({ canReadCampaigns }: { canReadCampaigns: boolean }) {
  const mine = usePolled<{ items: ReviewItem[] }>(['my-review-items'], '/api/ops/reviews/my-items', true, 2_000);
  const [decided, setDecided] = useState<ReviewItem[]>([]);
  const remember = (items: ReviewItem[]) => setDecided((before) => [...items, ...before.filter((b) => !items.some((i) => i.itemId === b.itemId))]);
  const byCampaign = new Map<string, ReviewItem[]>();
  for (const item of mine.data?.items ?? []) byCampaign.set(item.campaignId, [...(byCampaign.get(item.campaignId) ?? []), item]);

  return (
    <Card withBorder component="section" aria-label="My reviews">
      <Title order={2} size="h3">
        My reviews
      </Title>
      {mine.error ? (
        <Text c="red.9" role="alert">
          {mine.error.message}
        </Text>
      ) : null}
      {mine.data && byCampaign.size === 0 ? <Text c="dimmed">Nothing waits for your review.</Text> : null}
      <Stack>
        {[...byCampaign.entries()].map(([campaignId, items]) => (
          <CampaignItems key={campaignId} campaignId={campaignId} items={items} canRead={canReadCampaigns} onDecided={remember} />
        ))}
      </Stack>
      {decided.length > 0 ? (
        <Stack gap={4} mt="md">
          <Title order={3} size="h4">
            Decided here
          </Title>
          <Table fz="sm" aria-label="Decided here">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>Access</Table.Th>
                <Table.Th>Decision</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Revocation</Table.Th>
                <Table.Th>Decided</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {decided.map((item) => (
                <Table.Tr key={item.itemId} data-item={item.itemId}>
                  <Table.Td>{item.employeeId ?? item.userName ?? item.externalId}</Table.Td>
                  <Table.Td>{describeAccess(item)}</Table.Td>
                  <Table.Td>{item.decision}</Table.Td>
                  <Table.Td>{item.reason}</Table.Td>
                  <Table.Td>{[item.revocation, item.revocationDetail].filter(Boolean).join(': ')}</Table.Td>
                  <Table.Td>{formatTime(item.decidedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
    </Card>
  );
}

function CampaignItems({
  campaignId,
  items,
  canRead,
  onDecided,
}: {
  campaignId: string;
  items: ReviewItem[];
  canRead: boolean;
  onDecided: (items: ReviewItem[]) => void;
}) {
  // Reviewers without a reading role see their items only, so the campaign's name is its id until it can be read.
  const campaign = usePolled<{ name: string; dueAt: string }>(['campaign', campaignId], `/api/ops/reviews/campaigns/${campaignId}`, canRead, 10_000);
  const name = campaign.data?.name ?? campaignId;
  return (
    <Stack gap="xs" component="section" aria-label={`Items of ${name}`}>
      <Group justify="space-between">
        <Text fw={600}>
          {name}
          {campaign.data ? ` · due ${formatTime(campaign.data.dueAt)}` : ''} · {items.length} to decide
        </Text>
        <BulkDecision campaignId={campaignId} campaignName={name} onDecided={onDecided} />
      </Group>
      <Table fz="sm" aria-label={`To review in ${name}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Person</Table.Th>
            <Table.Th>Access</Table.Th>
            <Table.Th>Granted</Table.Th>
            <Table.Th>SoD conflicts</Table.Th>
            <Table.Th>Decision</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <ItemRow key={item.itemId} item={item} onDecided={(one) => onDecided([one])} />
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
