import type { EmployeeLifecycleState } from '@tenure/temporal-contracts';

/** Every state a person's lifecycle can be in, as the ops API's documents list them. */
export const LIFECYCLE_STATES: EmployeeLifecycleState[] = [
  'new',
  'pending_start',
  'active',
  'on_leave',
  'terminated',
  'hire_cancelled',
];
