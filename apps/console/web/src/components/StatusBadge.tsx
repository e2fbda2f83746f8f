import { Badge } from '@mantine/core';

const COLORS: Record<string, string> = {
  active: 'green',
  done: 'green',
  retrying: 'yellow',
  not_supported: 'gray',
  completed: 'green',
  approved: 'green',
  applied: 'green',
  deprovisioned: 'green',
  succeeded: 'green',
  closed: 'green',
  pending: 'blue',
  running: 'blue',
  scheduled: 'blue',
  applying: 'blue',
  pending_start: 'blue',
  waiting_approval: 'yellow',
  half_open: 'yellow',
  on_leave: 'yellow',
  failed: 'red',
  needs_attention: 'red',
  open: 'red',
  rejected: 'red',
  denied: 'red',
  disabled: 'gray',
  deleted: 'gray',
  terminated: 'gray',
  cancelled: 'gray',
  suspended: 'gray',
};

/** A status as a word, never by colour alone. */
export function StatusBadge({ status }: { status: string }) {
  return (
    // Dark text on the tinted badge keeps the word above WCAG AA contrast; the tint only adds to it.
    <Badge color={COLORS[status] ?? 'gray'} variant="light" c="dark.8">
      {status.replace(/_/g, ' ')}
    </Badge>
  );
}
