import {
  FieldError,
  HrLifecycleEventMessage,
  LifecycleOutcomeMessage,
  PlanDecisionMessage,
  TOPICS,
  validatePayload,
} from '@tenure/contracts';
import type { ClassConstructor } from 'class-transformer';
import type { NewAuditRecord } from '../ledger/new-audit-record';
import { recordFromDecision, recordFromHrEvent, recordFromOutcome } from './records-from-messages';

const CONTRACT_MISMATCH = 'message does not match its topic contract';

export type ParsedMessage =
  { ok: true; record: NewAuditRecord } | { ok: false; reason: string; errors: FieldError[]; payload: unknown };

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function parseAs<T extends object>(
  contract: ClassConstructor<T>,
  toRecord: (message: T) => NewAuditRecord,
  value: unknown,
): ParsedMessage {
  const result = validatePayload(contract, value);
  if (!result.ok) {
    return { ok: false, reason: CONTRACT_MISMATCH, errors: result.errors, payload: value };
  }
  return { ok: true, record: toRecord(result.value) };
}

/** The topics the audit service records, each with its contract and how a message becomes a record. */
const PARSERS = {
  [TOPICS.lifecycleOutcomes]: (value: unknown) => parseAs(LifecycleOutcomeMessage, recordFromOutcome, value),
  [TOPICS.hrLifecycle]: (value: unknown) => parseAs(HrLifecycleEventMessage, recordFromHrEvent, value),
  [TOPICS.planDecisions]: (value: unknown) => parseAs(PlanDecisionMessage, recordFromDecision, value),
} as const;

export type IngestedTopic = keyof typeof PARSERS;
export const INGESTED_TOPICS = Object.keys(PARSERS) as IngestedTopic[];

/** Turns a message of an ingested topic (name without the environment's prefix) into a record, or says why not. */
export function parseIngestedMessage(topic: IngestedTopic, raw: Buffer | null): ParsedMessage {
  const text = raw?.toString('utf8') ?? '';
  const json = parseJson(text);
  if (!json.ok) {
    return {
      ok: false,
      reason: CONTRACT_MISMATCH,
      errors: [{ field: '', message: 'message is not JSON' }],
      payload: text,
    };
  }
  return PARSERS[topic](json.value);
}
