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
    <Badge color={COLORS[status] ?? 'gray'} variant="light" autoContrast>
      {status.replace(/_/g, ' ')}
    </Badge>
  );
}
