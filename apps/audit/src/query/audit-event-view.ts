import { AuditRow, hashedContentOf } from '../ledger/audit-row';

/**
 * A record as the API shows it: everything its hash covers, the hashes, and the
 * hash version, so anyone can re-check a link (see README, "For security teams").
 * `details` is shown parsed; the hash covers its canonical JSON text.
 */
export type AuditEventView = Record<string, unknown> & { seq: string; hash: string; prevHash: string };

export function toAuditEventView(row: AuditRow): AuditEventView {
  const content: Record<string, unknown> = { ...hashedContentOf(row) };
  if (typeof content.details === 'string') content.details = JSON.parse(content.details);
  return {
    ...content,
    seq: row.seq,
    hashVersion: row.hashVersion,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
