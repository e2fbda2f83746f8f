import { Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { can, Me } from '../api';
import { CampaignForm } from './reviews/CampaignForm';
import { CampaignList, CampaignReportView } from './reviews/Campaigns';
import { MyReviews } from './reviews/MyReviews';

/**
 * Access reviews: everyone sees the items they review; operators, approvers
 * and auditors see campaigns and reports; approvers start campaigns.
 */
export function ReviewsPage({ me }: { me: Me }) {
  const canRead = can(me, 'operator', 'approver', 'auditor');
  const [selected, setSelected] = useState<string>();
  return (
    <Stack>
      <Title order={1}>Reviews</Title>
      <Text size="sm" c="dimmed">
        Reviewers keep or revoke what people hold. A revoke takes the path the access came by: an approved request ends through
        the person&apos;s lifecycle, an account reconciliation found is disabled, and birthright access is reported as needing a
        policy change.
      </Text>
      <MyReviews canReadCampaigns={canRead} />
      {can(me, 'approver') ? <CampaignForm onCreated={(campaign) => setSelected(campaign.campaignId)} /> : null}
      {canRead ? <CampaignList selected={selected} onSelect={setSelected} /> : null}
      {canRead && selected ? <CampaignReportView me={me} campaignId={selected} /> : null}
    </Stack>
  );
}
