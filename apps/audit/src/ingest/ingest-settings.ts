export const INGEST_SETTINGS = Symbol('INGEST_SETTINGS');

export interface IngestSettings {
  clientId: string;
  groupId: string;
  brokers: string[];
  topicPrefix: string;
  /** Partitions parsed in parallel; their transactions still take the chain one at a time. */
  partitionsConsumedConcurrently: number;
}
