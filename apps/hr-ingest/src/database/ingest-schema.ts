import { EmployeeSnapshotEntity } from '../inbox/employee-snapshot.entity';
import { InboxEventEntity } from '../inbox/inbox-event.entity';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity';
import { CreateInboxOutbox1764100000000 } from './migrations/1764100000000-create-inbox-outbox';
import { CreateEmployeeSnapshots1764200000000 } from './migrations/1764200000000-create-employee-snapshots';

/** hr-ingest's tables and the migrations that make them, in order. */
export const INGEST_ENTITIES = [InboxEventEntity, OutboxMessageEntity, EmployeeSnapshotEntity];
export const INGEST_MIGRATIONS = [CreateInboxOutbox1764100000000, CreateEmployeeSnapshots1764200000000];
