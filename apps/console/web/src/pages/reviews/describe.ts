import type { ReportedReviewItem, ReviewItem } from '../../types';

/** What an item is about, in words: the app and its groups and roles (or the account). */
export function describeAccess(item: Pick<ReviewItem | ReportedReviewItem, 'appId' | 'groups' | 'roles'> & { userName?: string }): string {
  const parts = [...item.groups.map((g) => `group ${g}`), ...item.roles.map((r) => `role ${r}`)];
  if (parts.length === 0) return `${item.appId} account${item.userName ? ` ${item.userName}` : ''}`;
  return `${item.appId}: ${parts.join(', ')}`;
}

/** Where the access came from and who gave it. */
export function describeGrant(item: ReviewItem): string {
  const source =
    item.source === 'birthright'
      ? `birthright by rule ${item.rules.join(', ') || '–'}`
      : item.source === 'access_request'
        ? `access request ${item.requestId ?? ''}`.trim()
        : 'account found by reconciliation';
  const when = item.grantedAt ? ` · granted ${new Date(item.grantedAt).toLocaleString()}` : '';
  const by = item.grantedBy ? ` by ${item.grantedBy}` : '';
  return `${source}${when}${by}`;
}
