/** The HR lifecycle event types of the public contract (design.md). */
export const LIFECYCLE_EVENT_TYPES = [
  'hire',
  'change',
  'terminate',
  'rehire',
  'leave_start',
  'leave_end',
  'cancel_hire',
] as const;
export type LifecycleEventType = (typeof LIFECYCLE_EVENT_TYPES)[number];

export const EMPLOYMENT_TYPES = ['employee', 'contractor'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** A person as HR describes them; the attributes policy rules match on. */
export interface Employee {
  employeeId: string;
  email: string;
  givenName: string;
  familyName: string;
  department?: string;
  title?: string;
  location?: string;
  timeZone?: string;
  managerId?: string;
  employmentType: EmploymentType;
  /** Last working day of a contractor (ISO date). */
  endDate?: string;
}

/** An accepted HR event, as it travels from hr-ingest to the orchestrator. */
export interface LifecycleEvent {
  eventId: string;
  /** The HR source that sent it, e.g. `generic`. */
  source: string;
  type: LifecycleEventType;
  /** ISO-8601 instant the change takes effect. */
  effectiveAt: string;
  /** ISO-8601 instant hr-ingest accepted it. */
  receivedAt: string;
  employee: Employee;
  /** A termination applied at once, whatever its effectiveAt. */
  immediate?: boolean;
}
