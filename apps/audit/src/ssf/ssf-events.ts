import { createHash } from 'node:crypto';
import type { LifecycleOutcome } from '@tenure/domain';

/** Delivery methods (SSF 1.0 §6.1.1): push is RFC 8935, poll RFC 8936. */
export const PUSH_DELIVERY = 'urn:ietf:rfc:8935';
export const POLL_DELIVERY = 'urn:ietf:rfc:8936';
export const DELIVERY_METHODS = [PUSH_DELIVERY, POLL_DELIVERY] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

const RISC = 'https://schemas.openid.net/secevent/risc/event-type';
const CAEP = 'https://schemas.openid.net/secevent/caep/event-type';
const SSF = 'https://schemas.openid.net/secevent/ssf/event-type';

export const EVENT_TYPES = {
  accountDisabled: `${RISC}/account-disabled`,
  accountEnabled: `${RISC}/account-enabled`,
  accountPurged: `${RISC}/account-purged`,
  sessionRevoked: `${CAEP}/session-revoked`,
  verification: `${SSF}/verification`,
} as const;

/** What a receiver may ask for; verification events go to the stream that asked for them regardless. */
export const EVENTS_SUPPORTED: readonly string[] = [
  EVENT_TYPES.accountDisabled,
  EVENT_TYPES.accountEnabled,
  EVENT_TYPES.accountPurged,
  EVENT_TYPES.sessionRevoked,
];

/** The event a succeeded step is to receivers (a suspension is a disable: nobody signs in until enabled). */
const EVENT_OF_ACTION: Partial<Record<LifecycleOutcome['action'], string>> = {
  'account.disable': EVENT_TYPES.accountDisabled,
  'account.suspend': EVENT_TYPES.accountDisabled,
  'account.enable': EVENT_TYPES.accountEnabled,
  'account.delete': EVENT_TYPES.accountPurged,
  'sessions.revoke': EVENT_TYPES.sessionRevoked,
};

export interface SecurityEvent {
  /** Unique per stream and outcome, so the same outcome again is the same token. */
  jtiSeed: string;
  type: string;
  subject: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** When it happened (ms); a stream hears only of what happened after it was created. */
  occurredAt?: number;
  /** The HR event behind it (`txn`, RFC 8417 §2.2): receivers correlate the events of one change. */
  txn?: string;
}

/**
 * The person's account in one app: a complex subject (SSF 1.0 §3) whose user
 * is the HR employee id and whose tenant is the app. Tenure knows people by
 * employee id; the app account id is added when the step knew it.
 */
export function subjectOf(outcome: Pick<LifecycleOutcome, 'employeeId' | 'appId' | 'externalId'>) {
  return {
    format: 'complex',
    user: { format: 'opaque', id: outcome.employeeId },
    tenant: { format: 'opaque', id: outcome.appId },
    ...(outcome.externalId ? { application: { format: 'opaque', id: outcome.externalId } } : {}),
  };
}

/** The security event a lifecycle outcome is, or undefined when it is none (a failure, a create, a group change). */
export function securityEventOf(outcome: LifecycleOutcome): SecurityEvent | undefined {
  if (outcome.outcome !== 'succeeded') return undefined;
  const type = EVENT_OF_ACTION[outcome.action];
  if (!type) return undefined;
  const eventTimestamp = Math.floor(Date.parse(outcome.at) / 1000);
  const initiatingEntity = outcome.actor === 'system' ? 'policy' : 'admin';
  const why = outcome.rule ? ` (${outcome.rule})` : '';
  const payload: Record<string, unknown> =
    type === EVENT_TYPES.sessionRevoked
      ? {
          event_timestamp: eventTimestamp,
          initiating_entity: initiatingEntity,
          reason_admin: { en: `Tenure revoked the sessions of ${outcome.employeeId} in ${outcome.appId}${why}` },
        }
      : {};
  return {
    jtiSeed: outcome.outcomeId,
    type,
    subject: subjectOf(outcome),
    payload,
    occurredAt: Date.parse(outcome.at),
    txn: outcome.eventId,
  };
}

/** The token id of an event on a stream: the same outcome on the same stream is always the same jti. */
export function jtiOf(streamId: string, seed: string): string {
  return createHash('sha256').update(`${streamId}\n${seed}`).digest('hex').slice(0, 32);
}
