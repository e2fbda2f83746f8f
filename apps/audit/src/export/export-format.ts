import { Transform } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { AuditRow } from '../ledger/audit-row';
import { toAuditEventView } from '../query/audit-event-view';

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

/** CSV columns: every stored field, timestamps in ISO-8601, details as the canonical JSON text the hash covers. */
const CSV_COLUMNS: (keyof AuditRow)[] = [
  'seq',
  'id',
  'sourceId',
  'hashVersion',
  'kind',
  'at',
  'recordedAt',
  'employeeId',
  'appId',
  'action',
  'outcome',
  'eventId',
  'workflowId',
  'actor',
  'actorId',
  'rule',
  'group',
  'externalId',
  'reason',
  'effectiveAt',
  'details',
  'prevHash',
  'hash',
];

/** Turns a stream of AuditRow into the export's text, one record per line. */
export function exportFormatter(format: ExportFormat): Transform {
  if (format === 'jsonl') {
    return new Transform({
      writableObjectMode: true,
      transform(row: AuditRow, _encoding, done) {
        done(null, `${JSON.stringify(toAuditEventView(row))}\n`);
      },
    });
  }
  return stringify({
    header: true,
    columns: CSV_COLUMNS.map(String),
    cast: { date: (value) => value.toISOString() },
  });
}
