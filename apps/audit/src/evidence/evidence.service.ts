import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import archiver from 'archiver';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { AUDIT_LOGGER } from '../audit-logger';
import { DeprovisioningService } from '../deprovisioning/deprovisioning.service';
import { DeprovisioningQueryDto } from '../deprovisioning/dto/deprovisioning-query.dto';
import { AuditRowStreamer } from '../export/audit-row.streamer';
import { exportFormatter } from '../export/export-format';
import type { AuditFilterDto } from '../query/dto/audit-filter.dto';
import { ChainVerifierService } from '../verify/chain-verifier.service';
import { HashingStream } from './hashing.stream';

export interface ManifestFile {
  name: string;
  bytes: number;
  sha256: string;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * An evidence bundle for a period, streamed as a zip an auditor can keep:
 * the chain's verification, the time-to-deprovision report, every record of
 * the period (JSON Lines, each with its hashes), and a manifest with the
 * SHA-256 of each file. The records stream through; nothing is held in memory.
 */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly verifier: ChainVerifierService,
    private readonly deprovisioning: DeprovisioningService,
    private readonly rows: AuditRowStreamer,
    @Inject(AUDIT_LOGGER) private readonly logger: Logger,
  ) {}

  async send(query: DeprovisioningQueryDto, response: Response): Promise<void> {
    const verification = await this.verifier.verify();
    const report = await this.deprovisioning.report(query);
    const period = { from: report.from, to: report.to };
    const files: ManifestFile[] = [];
    const archive = archiver('zip', { zlib: { level: 6 } });
    response.status(200);
    response.setHeader('content-type', 'application/zip');
    response.setHeader('content-disposition', `attachment; filename="tenure-audit-evidence.zip"`);
    // Settles as soon as the response fails (a client gone), so nothing below waits on a dead transfer.
    const delivered = pipeline(archive, response);
    const failed = delivered.then(
      () => new Promise<never>(() => undefined),
      (error: unknown) => Promise.reject(error),
    );
    failed.catch(() => undefined);
    const addJson = (name: string, value: unknown, listed = true) => {
      const body = Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
      if (listed) files.push({ name, bytes: body.length, sha256: sha256(body) });
      archive.append(body, { name });
    };
    const streams: HashingStream[] = [];
    // Each JSON Lines file streams from its own cursor, one after the other, hashed as it passes.
    const addRecords = async (name: string, filter: AuditFilterDto) => {
      const records = new HashingStream();
      streams.push(records);
      const rows = await this.rows.open(filter, 'asc');
      const recorded = pipeline(rows, exportFormatter('jsonl'), records);
      archive.append(records, { name });
      const ended = new Promise((resolve) => records.once('end', resolve));
      await Promise.race([Promise.all([recorded, ended]), failed]);
      files.push({ name, bytes: records.bytes, sha256: records.digest() });
    };
    try {
      addJson('verification.json', verification);
      addJson('deprovisioning.json', report);
      await addRecords('records.jsonl', period);
      // Access reviews (campaigns, decisions, reminders, escalations, reports) and separation-of-duties checks.
      await addRecords('access-reviews.jsonl', { ...period, kind: 'review' } as AuditFilterDto);
      await addRecords('sod-checks.jsonl', { ...period, kind: 'sod' } as AuditFilterDto);
      addJson(
        'manifest.json',
        {
          generatedAt: new Date().toISOString(),
          ...period,
          targetHours: report.targetHours,
          chain: verification,
          files,
        },
        false,
      );
      await Promise.race([archive.finalize(), failed]);
      await delivered;
    } catch (error) {
      // Headers are gone by now: the client sees the transfer cut short, never a bundle that looks whole.
      this.logger.warn({ err: error }, 'evidence bundle ended early');
      streams.forEach((stream) => stream.destroy());
      archive.abort();
      response.destroy();
    }
  }
}
