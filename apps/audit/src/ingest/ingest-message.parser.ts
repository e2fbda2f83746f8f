import {
  FieldError,
  GovernanceRecordMessage,
  HrLifecycleEventMessage,
  LifecycleOutcomeMessage,
  PlanDecisionMessage,
  TOPICS,
  validatePayload,
} from '@tenure/contracts';
import type { ClassConstructor } from 'class-transformer';
import type { NewAuditRecord } from '../ledger/new-audit-record';
import { recordProblems } from '../ledger/record-problems';
import {
  recordFromDecision,
  recordFromGovernance,
  recordFromHrEvent,
  recordFromOutcome,
} from './records-from-messages';

const CONTRACT_MISMATCH = 'message does not match its topic contract';
export const UNRECORDABLE = 'message cannot be recorded';

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
  // A message can follow its contract and still say what no record can hold (a time PostgreSQL or the chain cannot).
  let record: NewAuditRecord;
  try {
    record = toRecord(result.value);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, reason: UNRECORDABLE, errors: [{ field: '', message }], payload: value };
  }
  const problems = recordProblems(record);
  if (problems.length > 0) return { ok: false, reason: UNRECORDABLE, errors: problems, payload: value };
  return { ok: true, record };
}

/** The topics the audit service records, each with its contract and how a message becomes a record. */
const PARSERS = {
  [TOPICS.lifecycleOutcomes]: (value: unknown) => parseAs(LifecycleOutcomeMessage, recordFromOutcome, value),
  [TOPICS.hrLifecycle]: (value: unknown) => parseAs(HrLifecycleEventMessage, recordFromHrEvent, value),
  [TOPICS.planDecisions]: (value: unknown) => parseAs(PlanDecisionMessage, recordFromDecision, value),
  [TOPICS.governanceRecords]: (value: unknown) => parseAs(GovernanceRecordMessage, recordFromGovernance, value),
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
