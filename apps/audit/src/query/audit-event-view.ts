import type { AuditRecordEntity } from '../ledger/audit-record.entity';
import { hashedContentOf } from '../ledger/audit-ledger.service';
import type { HashedContent } from '../ledger/record-hash';

/** A record as the API shows it: everything its hash covers, plus the hashes, so anyone can re-check a link. */
export interface AuditEventView extends HashedContent {
  prevHash: string;
  hash: string;
}

export function toAuditEventView(record: AuditRecordEntity): AuditEventView {
  return { ...hashedContentOf(record), prevHash: record.prevHash, hash: record.hash };
}
