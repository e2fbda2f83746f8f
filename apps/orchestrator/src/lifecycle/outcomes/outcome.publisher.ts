import { TOPICS } from '@tenure/contracts';
import type { LifecycleOutcome } from '@tenure/domain';
import type { KafkaPublisher } from '@tenure/kafka';

/** Streams every step's outcome to the audit service. */
export class OutcomePublisher {
  constructor(private readonly publisher: KafkaPublisher) {}

  publish(...outcomes: LifecycleOutcome[]): Promise<void> {
    return this.publisher.publish(
      TOPICS.lifecycleOutcomes,
      outcomes.map((outcome) => ({ key: outcome.employeeId, value: outcome })),
    );
  }
}

/** The same step of the same event always has the same id, so a re-published outcome is one audit record. */
export function outcomeIdOf(parts: {
  workflowId: string;
  eventId: string;
  appId: string;
  action: string;
  /** Distinguishes a phase's step, its result and an operator's retry of it. */
  qualifiers?: (string | number)[];
}): string {
  return [parts.workflowId, parts.eventId, parts.appId, parts.action, ...(parts.qualifiers ?? [])].join('/');
}
