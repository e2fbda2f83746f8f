import { randomUUID } from 'node:crypto';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { StatusUpdateDto, StreamReplaceDto, StreamRequestDto, StreamUpdateDto } from './dto/stream-config.dto';
import { StreamConfiguration, StreamStatusView } from './dto/ssf-responses.dto';
import { EVENT_TYPES, EVENTS_SUPPORTED, jtiOf, POLL_DELIVERY, SecurityEvent } from './ssf-events';
import { QueuedSet, SsfOutboxRepository } from './ssf-outbox.repository';
import { SSF_SETTINGS, SsfSettings } from './ssf-settings';
import { SsfSigningKeyService } from './ssf-signing-key.service';
import type { AddSubjectDto, RemoveSubjectDto } from './dto/subject.dto';
import { storedSubject, subjectKey, subjectKeysOfEvent } from './ssf-subjects';

export type StreamStatus = StreamStatusView['status'];
export { StreamConfiguration };

interface StoredConfig {
  delivery: { method: string; endpoint_url?: string; authorization_header?: string };
  events_requested: string[];
  events_delivered: string[];
  description?: string;
}

interface StreamRow {
  stream_id: string;
  client_id: string;
  config: StoredConfig;
  status: StreamStatus;
  status_reason: string | null;
  created_at?: Date;
}

const MIN_VERIFICATION_INTERVAL_SECONDS = 0;
const notFound = () => new NotFoundException({ error: 'not_found', message: 'no such stream for this receiver' });

/**
 * Receivers' streams: each belongs to the OAuth client that made it and is
 * seen and changed by that client only. Events are queued for enabled and
 * paused streams (a paused stream gets them when enabled again) and dropped
 * for disabled ones, as SSF 1.0 §8.1.2 describes. A stream with subjects
 * added (§8.1.3) gets only the events about them; one without gets every
 * event (default_subjects ALL).
 */
@Injectable()
export class SsfStreamsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SSF_SETTINGS) private readonly settings: SsfSettings,
    private readonly keys: SsfSigningKeyService,
    private readonly outbox: SsfOutboxRepository,
  ) {}

  async create(clientId: string, request: StreamRequestDto): Promise<StreamConfiguration> {
    const streamId = randomUUID();
    const config = this.configOf(streamId, request);
    await this.dataSource.query(`INSERT INTO ssf_streams (stream_id, client_id, config) VALUES ($1, $2, $3)`, [
      streamId,
      clientId,
      config,
    ]);
    return this.present({ stream_id: streamId, client_id: clientId, config, status: 'enabled', status_reason: null });
  }

  async list(clientId: string): Promise<StreamConfiguration[]> {
    const rows: StreamRow[] = await this.dataSource.query(
      `SELECT * FROM ssf_streams WHERE client_id = $1 ORDER BY created_at`,
      [clientId],
    );
    return rows.map((row) => this.present(row));
  }

  async get(clientId: string, streamId: string): Promise<StreamConfiguration> {
    return this.present(await this.row(clientId, streamId));
  }

  async update(clientId: string, update: StreamUpdateDto): Promise<StreamConfiguration> {
    const row = await this.row(clientId, update.stream_id);
    const merged: StreamRequestDto = {
      delivery: update.delivery ?? (row.config.delivery as StreamRequestDto['delivery']),
      events_requested: update.events_requested ?? row.config.events_requested,
      description: update.description ?? row.config.description,
    };
    return this.save(row, this.configOf(row.stream_id, merged));
  }

  async replace(clientId: string, request: StreamReplaceDto): Promise<StreamConfiguration> {
    const row = await this.row(clientId, request.stream_id);
    return this.save(row, this.configOf(row.stream_id, request));
  }

  async remove(clientId: string, streamId: string): Promise<void> {
    const deleted: unknown[] = await this.dataSource.query(
      // Through a CTE: TypeORM answers a bare DELETE with [rows, count] rather than the rows.
      `WITH gone AS (DELETE FROM ssf_streams WHERE stream_id = $1 AND client_id = $2 RETURNING stream_id)
       SELECT stream_id FROM gone`,
      [streamId, clientId],
    );
    if (deleted.length === 0) throw notFound();
  }

  async status(
    clientId: string,
    streamId: string,
  ): Promise<{ stream_id: string; status: StreamStatus; reason?: string }> {
    const row = await this.row(clientId, streamId);
    return {
      stream_id: row.stream_id,
      status: row.status,
      ...(row.status_reason ? { reason: row.status_reason } : {}),
    };
  }

  async setStatus(clientId: string, update: StatusUpdateDto): Promise<StreamStatusView> {
    await this.row(clientId, update.stream_id);
    await this.dataSource.query(
      `UPDATE ssf_streams SET status = $2, status_reason = $3, updated_at = now() WHERE stream_id = $1`,
      [update.stream_id, update.status, update.reason ?? null],
    );
    return this.status(clientId, update.stream_id);
  }

  /** SSF 1.0 §8.1.3.2: from now on the stream gets events about this subject (and, once it has any, only those). */
  async addSubject(clientId: string, request: AddSubjectDto): Promise<void> {
    await this.row(clientId, request.stream_id);
    await this.dataSource.query(
      `INSERT INTO ssf_stream_subjects (stream_id, subject_key, subject, verified) VALUES ($1, $2, $3, $4)
       ON CONFLICT (stream_id, subject_key) DO UPDATE SET verified = EXCLUDED.verified`,
      [request.stream_id, subjectKey(request.subject), storedSubject(request.subject), request.verified ?? true],
    );
  }

  /** SSF 1.0 §8.1.3.3: the stream no longer gets events about this subject; 404 when it was never added. */
  async removeSubject(clientId: string, request: RemoveSubjectDto): Promise<void> {
    await this.row(clientId, request.stream_id);
    const removed: unknown[] = await this.dataSource.query(
      `WITH gone AS (DELETE FROM ssf_stream_subjects WHERE stream_id = $1 AND subject_key = $2 RETURNING stream_id)
       SELECT stream_id FROM gone`,
      [request.stream_id, subjectKey(request.subject)],
    );
    if (removed.length === 0) {
      throw new NotFoundException({ error: 'not_found', message: 'this subject was not added to the stream' });
    }
  }

  /** SSF 1.0 §8.1.4: a verification event, delivered like any other, carrying the receiver's state. */
  async verify(clientId: string, streamId: string, state?: string): Promise<void> {
    const row = await this.row(clientId, streamId);
    if (row.status === 'disabled') {
      throw new ConflictException({ error: 'stream_disabled', message: 'a disabled stream sends no events' });
    }
    const event: SecurityEvent = {
      jtiSeed: `verification:${randomUUID()}`,
      type: EVENT_TYPES.verification,
      subject: { format: 'opaque', id: streamId },
      payload: state === undefined ? {} : { state },
    };
    await this.outbox.enqueue([await this.tokenFor(row, event)]);
  }

  /** Queues an event for every stream that asked for it, in the caller's transaction. */
  async enqueueForStreams(events: SecurityEvent[], manager: EntityManager): Promise<number> {
    if (events.length === 0) return 0;
    const streams: StreamRow[] = await manager.query(`SELECT * FROM ssf_streams WHERE status <> 'disabled'`);
    const subjects = await this.subjectsOf(streams, manager);
    const sets: QueuedSet[] = [];
    for (const stream of streams) {
      const wanted = subjects.get(stream.stream_id);
      for (const event of events) {
        const before = event.occurredAt !== undefined && stream.created_at && event.occurredAt < +stream.created_at;
        const about = !wanted || subjectKeysOfEvent(event.subject, this.settings.issuer).some((key) => wanted.has(key));
        if (!before && about && stream.config.events_delivered.includes(event.type)) {
          sets.push(await this.tokenFor(stream, event));
        }
      }
    }
    return this.outbox.enqueue(sets, manager);
  }

  /** The subject keys of each stream that has any; a stream missing from the map takes every subject. */
  private async subjectsOf(streams: StreamRow[], manager: EntityManager): Promise<Map<string, Set<string>>> {
    const byStream = new Map<string, Set<string>>();
    if (streams.length === 0) return byStream;
    const rows: { stream_id: string; subject_key: string }[] = await manager.query(
      `SELECT stream_id, subject_key FROM ssf_stream_subjects WHERE stream_id = ANY($1)`,
      [streams.map((stream) => stream.stream_id)],
    );
    for (const row of rows) {
      const keys = byStream.get(row.stream_id) ?? new Set<string>();
      keys.add(row.subject_key);
      byStream.set(row.stream_id, keys);
    }
    return byStream;
  }

  /** The stream of a receiver that may poll it. */
  async pollable(clientId: string, streamId: string): Promise<void> {
    const row = await this.row(clientId, streamId);
    if (row.config.delivery.method !== POLL_DELIVERY) {
      throw new ConflictException({ error: 'not_poll', message: 'this stream is delivered by push' });
    }
  }

  private async tokenFor(stream: StreamRow, event: SecurityEvent): Promise<QueuedSet> {
    const jti = jtiOf(stream.stream_id, event.jtiSeed);
    const setJwt = await this.keys.sign({
      iss: this.settings.issuer,
      aud: stream.client_id,
      iat: Math.floor(Date.now() / 1000),
      jti,
      sub_id: event.subject,
      ...(event.txn ? { txn: event.txn } : {}),
      events: { [event.type]: event.payload },
    });
    return { streamId: stream.stream_id, jti, setJwt };
  }

  private configOf(streamId: string, request: StreamRequestDto): StoredConfig {
    const requested = request.events_requested ?? [...EVENTS_SUPPORTED];
    const delivery =
      request.delivery.method === POLL_DELIVERY
        ? { method: POLL_DELIVERY, endpoint_url: `${this.settings.issuer}/ssf/poll/${streamId}` }
        : {
            method: request.delivery.method,
            endpoint_url: request.delivery.endpoint_url,
            ...(request.delivery.authorization_header
              ? { authorization_header: request.delivery.authorization_header }
              : {}),
          };
    return {
      delivery,
      events_requested: requested,
      events_delivered: EVENTS_SUPPORTED.filter((type) => requested.includes(type)),
      ...(request.description ? { description: request.description } : {}),
    };
  }

  private async save(row: StreamRow, config: StoredConfig): Promise<StreamConfiguration> {
    await this.dataSource.query(`UPDATE ssf_streams SET config = $2, updated_at = now() WHERE stream_id = $1`, [
      row.stream_id,
      config,
    ]);
    const saved = { ...row, config };
    return this.present(saved);
  }

  private async row(clientId: string, streamId: string): Promise<StreamRow> {
    const [row]: StreamRow[] = await this.dataSource.query(
      `SELECT * FROM ssf_streams WHERE stream_id = $1 AND client_id = $2`,
      [streamId, clientId],
    );
    if (!row) throw notFound();
    return row;
  }

  private present(row: StreamRow): StreamConfiguration {
    const { method, endpoint_url } = row.config.delivery;
    return {
      stream_id: row.stream_id,
      iss: this.settings.issuer,
      aud: row.client_id,
      delivery: { method, ...(endpoint_url ? { endpoint_url } : {}) },
      events_supported: [...EVENTS_SUPPORTED],
      events_requested: row.config.events_requested,
      events_delivered: row.config.events_delivered,
      ...(row.config.description ? { description: row.config.description } : {}),
      min_verification_interval: MIN_VERIFICATION_INTERVAL_SECONDS,
    };
  }
}
