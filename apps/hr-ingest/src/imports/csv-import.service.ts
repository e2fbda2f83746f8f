import { Inject, Injectable, PayloadTooLargeException, BadRequestException } from '@nestjs/common';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { LifecycleEventType } from '@tenure/domain';
import type { InboxEntry } from '../inbox/acceptance';
import { InboxService } from '../inbox/inbox.service';
import { HR_SOURCES, HrSourcesConfig, SourceMappingConfig } from '../sources/hr-sources.config';
import { buildLifecycleEvent, draftFromMapped, stateDelivery } from '../sources/lifecycle-event.factory';
import { mapRecord } from '../sources/record-mapping';
import { ByteLimitTransform, TooLargeError } from './byte-limit.transform';
import { emptySummary, ImportSummary, reject } from './import-summary';

export const CSV_SOURCE = 'csv';

/** Rows stored per transaction: big enough to be fast, small enough to keep memory flat. */
const ROWS_PER_BATCH = 1_000;
const MAX_ROW_BYTES = 64 * 1024;

interface Row {
  line: number;
  record: Record<string, string>;
}

/**
 * Imports a CSV file as it streams in (never whole in memory): a header row,
 * then one person per row, read through the `csv` mapping. Each row is
 * accepted, a duplicate (the same row, or the same event id, was imported
 * before) or rejected with its line and reasons; valid rows are stored in
 * batches, so a 100,000-row backfill takes seconds.
 */
@Injectable()
export class CsvImportService {
  private readonly mapping: SourceMappingConfig;
  private readonly maxBytes: number;

  constructor(
    private readonly inbox: InboxService,
    @Inject(HR_SOURCES) sources: HrSourcesConfig,
  ) {
    this.mapping = sources.mappingOf('csv') ?? { fields: { employeeId: 'employeeId' } };
    this.maxBytes = sources.limits.maxCsvBytes;
  }

  async import(body: Readable, declaredLength?: number): Promise<ImportSummary> {
    if (declaredLength !== undefined && declaredLength > this.maxBytes) throw this.tooLarge(emptySummary());
    const summary = emptySummary();
    const parser = body.pipe(new ByteLimitTransform(this.maxBytes)).pipe(
      parse({
        columns: (header: string[]) => this.checkHeader(header),
        bom: true,
        trim: true,
        skip_empty_lines: true,
        skip_records_with_error: true,
        max_record_size: MAX_ROW_BYTES,
        info: true,
      }),
    );
    body.on('error', (error) => parser.destroy(error));
    parser.on('skip', (error: CsvError) => {
      summary.rows++;
      reject(summary, {
        line: typeof error.lines === 'number' ? error.lines : 0,
        errors: [{ field: '', message: error.message }],
      });
    });
    let batch: Row[] = [];
    try {
      for await (const { record, info } of parser as AsyncIterable<{
        record: Record<string, string>;
        info: { lines: number };
      }>) {
        batch.push({ line: info.lines, record });
        if (batch.length >= ROWS_PER_BATCH) {
          await this.importBatch(batch, summary);
          batch = [];
        }
      }
      await this.importBatch(batch, summary);
    } catch (error) {
      throw this.failure(error, summary);
    }
    // Unreadable rows are reported while parsing, invalid ones a batch later: list them in file order.
    summary.rejections.sort((a, b) => a.line - b.line);
    return summary;
  }

  private async importBatch(rows: Row[], summary: ImportSummary): Promise<void> {
    if (rows.length === 0) return;
    const receivedAt = new Date().toISOString();
    const mapped = rows.map((row) => ({ row, mapped: mapRecord(row.record, this.mapping) }));
    const known = await this.inbox.known(
      mapped.map((m) => m.mapped.employee.employeeId).filter((id): id is string => id !== undefined),
    );
    const entries: InboxEntry[] = [];
    for (const { row, mapped: record } of mapped) {
      summary.rows++;
      const employeeId = record.employee.employeeId;
      const person = employeeId === undefined ? undefined : known.get(employeeId);
      // A row with an event id of its own is identified by it; otherwise by what it says, after what came before.
      const delivery = record.event.eventId === undefined ? stateDelivery(CSV_SOURCE, row.record, person) : undefined;
      if (delivery?.repeat) {
        summary.duplicate++;
        continue;
      }
      const eventId = record.event.eventId ?? (delivery as { eventId: string }).eventId;
      const built = buildLifecycleEvent(
        {
          ...draftFromMapped(record),
          source: CSV_SOURCE,
          eventId,
          type: record.event.type as LifecycleEventType | undefined,
          receivedAt,
        },
        person,
        (field) => record.sourceFieldOf[field] ?? this.columnFor(field),
      );
      if (!built.ok) {
        reject(summary, { line: row.line, errors: built.errors });
        continue;
      }
      entries.push({ event: built.event, contentHash: delivery?.contentHash });
      // A later row for the same person follows from this one (hire, then change).
      known.set(built.event.employee.employeeId, {
        employee: built.event.employee,
        lastType: built.event.type,
        lastEventId: eventId,
        lastContentHash: delivery?.contentHash ?? null,
      });
    }
    for (const acceptance of await this.inbox.acceptMany(entries)) {
      if (acceptance.status === 'accepted') summary.accepted++;
      else summary.duplicate++;
    }
  }

  private checkHeader(header: string[]): string[] {
    const idColumn = this.columnFor('employeeId');
    if (!header.includes(idColumn)) {
      throw new BadRequestException({
        errors: [{ field: 'header', message: `the header row must name the column ${idColumn} (the employee id)` }],
      });
    }
    return header;
  }

  private columnFor(field: string): string {
    const found = Object.entries(this.mapping.fields).find(([, target]) => target === field);
    return found ? found[0] : field;
  }

  private failure(error: unknown, summary: ImportSummary): unknown {
    if (error instanceof TooLargeError) return this.tooLarge(summary);
    if (error instanceof BadRequestException) return error;
    if (error instanceof CsvError) {
      return new BadRequestException({ errors: [{ field: '', message: error.message }], summary });
    }
    return error;
  }

  private tooLarge(summary: ImportSummary): PayloadTooLargeException {
    return new PayloadTooLargeException({
      errors: [
        { field: '', message: `the file is larger than ${this.maxBytes} bytes; rows before the limit were kept` },
      ],
      summary,
    });
  }
}
