import type { Employee, LifecycleEvent, LifecycleEventType } from '@tenure/domain';

export type AcceptanceStatus = 'accepted' | 'duplicate';

export interface Acceptance {
  eventId: string;
  status: AcceptanceStatus;
}

/** What Tenure knows of a person before an event: the last accepted record and event type. */
export interface KnownEmployee {
  employee: Employee;
  lastType: LifecycleEventType;
  lastEventId?: string;
  /** Set when the last event came from a source that sends state (SCIM): the hash of that request. */
  lastContentHash?: string | null;
}

/** An event to store, with the hash of the request it came from when the source sends state. */
export interface InboxEntry {
  event: LifecycleEvent;
  contentHash?: string;
}
