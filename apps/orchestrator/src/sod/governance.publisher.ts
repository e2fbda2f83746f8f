import { GovernanceRecordMessage, TOPICS } from '@tenure/contracts';
import type { KafkaPublisher } from '@tenure/kafka';

/** Streams access-review and separation-of-duties records to the audit service. */
export class GovernancePublisher {
  constructor(private readonly publisher: KafkaPublisher) {}

  publish(...records: GovernanceRecordMessage[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    return this.publisher.publish(
      TOPICS.governanceRecords,
      records.map((record) => ({ key: record.employeeId || record.subjectId, value: record })),
    );
  }
}
