/**
 * Kafka topics, versioned. The only place topic names are written; the
 * ./tenure scripts create the same list (deploy/topics.txt).
 */
export const TOPICS = {
  /** Accepted HR lifecycle events; key = employeeId so one person's events stay in order. */
  hrLifecycle: 'tenure.hr.lifecycle.v1',
  /** The outcome of every step against an app; key = employeeId. */
  lifecycleOutcomes: 'tenure.lifecycle.outcomes.v1',
  /** What the orchestrator decided for each HR event (planned, scheduled, waiting approval, skipped…); key = employeeId. */
  planDecisions: 'tenure.lifecycle.decisions.v1',
  /** Access-review decisions and reports, and separation-of-duties checks; key = employeeId or campaign id. */
  governanceRecords: 'tenure.governance.records.v1',
  /** Messages a consumer could not parse, with the reason. */
  deadLetter: 'tenure.deadletter.v1',
} as const;
export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

/** Separate environments (dev, test) share a broker through a topic prefix. */
export function topicName(topic: TopicName, prefix = ''): string {
  return `${prefix}${topic}`;
}
