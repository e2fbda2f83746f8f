import { CreateAuditChain1764100000002 } from './1764100000002-create-audit-chain';
import { RecordKinds1764300000003 } from './1764300000003-record-kinds';
import { SharedSignals1764900000004 } from './1764900000004-shared-signals';
import { SsfStreamSubjects1765000000005 } from './1765000000005-ssf-stream-subjects';

/** The audit schema's migrations, oldest first. */
export const AUDIT_MIGRATIONS = [
  CreateAuditChain1764100000002,
  RecordKinds1764300000003,
  SharedSignals1764900000004,
  SsfStreamSubjects1765000000005,
];
