import { PlanDecisionMessage, TOPICS } from '@tenure/contracts';
import type { KafkaPublisher } from '@tenure/kafka';

/** Streams every decision on an event or run (planned, scheduled, waiting approval, skipped…) to the audit service. */
export class DecisionPublisher {
  constructor(private readonly publisher: KafkaPublisher) {}

  publish(decision: PlanDecisionMessage): Promise<void> {
    return this.publisher.publish(TOPICS.planDecisions, [{ key: decision.employeeId, value: decision }]);
  }
}

/** The same decision on the same run always has the same id. */
export function decisionIdOf(parts: {
  workflowId: string;
  runId: string;
  decision: string;
  sequence?: number;
}): string {
  return [parts.workflowId, parts.runId, parts.decision, ...(parts.sequence ? [String(parts.sequence)] : [])].join('/');
}
