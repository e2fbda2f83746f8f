import { createHash, randomInt } from 'node:crypto';
import yauzl from 'yauzl';
import { TOPICS } from '@tenure/contracts';
import { uniqueId, waitFor } from '@tenure/testing';
import { AuditClient, AuditRecordView, outcomeMessage, terminateMessage } from './audit-client';

const HOUR = 3_600_000;
const MINUTE = 60_000;

interface LeaverReport {
  employeeId: string;
  status: string;
  effectiveAt: string;
  deprovisionedAt: string | null;
  durationMs: number | null;
  breached: boolean;
  apps: { appId: string; removedAt: string | null }[];
}

interface DeprovisioningReport {
  targetHours: number;
  summary: Record<string, unknown>;
  leavers: LeaverReport[];
  breaches: LeaverReport[];
}

interface AccessBody {
  accounts: { employeeId: string; appId: string; activeSince: string; groups: string[] }[];
}

function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, archive) => {
      if (error || !archive) return reject(error ?? new Error('the export is not a readable zip'));
      const files = new Map<string, Buffer>();
      archive.on('entry', (entry: yauzl.Entry) => {
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error(`${entry.fileName} could not be read`));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            archive.readEntry();
          });
        });
      });
      archive.on('end', () => resolve(files));
      archive.on('error', reject);
      archive.readEntry();
    });
  });
}

/** What the test planted: the orchestrator adds its own decision on a planted termination when it gets to it. */
const planted = (items: AuditRecordView[]) => items.filter((record) => record.kind !== 'plan.decision');

/**
 * Reports an auditor asks for, over records planted with known times in an hour
 * of the past that no other run uses, so every figure can be worked out by hand.
 */
describe('audit reports', () => {
  const audit = new AuditClient();
  const run = uniqueId('r');
  const base = Date.UTC(1990, 0, 1) + randomInt(0, 200_000) * HOUR;
  const t = (offsetMs: number) => new Date(base + offsetMs);
  const period = { from: t(0).toISOString(), to: t(6 * HOUR).toISOString() };
  const person = (name: string) => `${run}-${name}`;
  const app = `app-${run}`;
  const [quick, slow, retried, withoutAccess, open, later, mover] = [
    'quick',
    'slow',
    'retried',
    'none',
    'open',
    'later',
    'mover',
  ].map(person);

  beforeAll(async () => {
    const created = (employeeId: string, appId: string) =>
      outcomeMessage({ employeeId, appId, action: 'account.create', at: t(-10 * 24 * HOUR) });
    await audit.publish(TOPICS.hrLifecycle, [
      terminateMessage(quick, `${quick}-t`, t(1 * HOUR), t(0)),
      terminateMessage(slow, `${slow}-t`, t(2 * HOUR), t(0)),
      terminateMessage(retried, `${retried}-t`, t(3 * HOUR), t(0)),
      terminateMessage(withoutAccess, `${withoutAccess}-t`, t(4 * HOUR), t(0)),
      terminateMessage(open, `${open}-t`, t(5 * HOUR), t(0)),
      terminateMessage(later, `${later}-t`, t(7 * HOUR), t(0)),
    ]);
    await audit.publish(TOPICS.lifecycleOutcomes, [
      created(quick, 'slack'),
      created(quick, 'zoom'),
      outcomeMessage({ employeeId: quick, appId: 'slack', action: 'account.disable', at: t(HOUR + 10 * MINUTE) }),
      outcomeMessage({ employeeId: quick, appId: 'zoom', action: 'account.delete', at: t(HOUR + 30 * MINUTE) }),
      created(slow, 'github'),
      outcomeMessage({ employeeId: slow, appId: 'github', action: 'account.disable', at: t(7 * HOUR) }),
      created(retried, 'slack'),
      outcomeMessage({
        employeeId: retried,
        appId: 'slack',
        action: 'account.disable',
        outcome: 'failed',
        at: t(3 * HOUR + MINUTE),
      }),
      outcomeMessage({ employeeId: retried, appId: 'slack', action: 'account.disable', at: t(5 * HOUR) }),
      created(open, 'slack'),
      created(later, 'slack'),
      // The mover: an account in the test's own app, a group, off and on again.
      outcomeMessage({ employeeId: mover, appId: app, action: 'account.create', at: t(10 * MINUTE) }),
      outcomeMessage({ employeeId: mover, appId: app, action: 'group.add', group: 'eng', at: t(11 * MINUTE) }),
      outcomeMessage({ employeeId: mover, appId: app, action: 'group.add', group: 'ops', at: t(12 * MINUTE) }),
      outcomeMessage({ employeeId: mover, appId: app, action: 'group.remove', group: 'ops', at: t(13 * MINUTE) }),
      outcomeMessage({ employeeId: mover, appId: 'zoom', action: 'account.create', at: t(14 * MINUTE) }),
      outcomeMessage({ employeeId: mover, appId: app, action: 'account.disable', at: t(20 * MINUTE) }),
      outcomeMessage({
        employeeId: mover,
        appId: app,
        action: 'account.enable',
        outcome: 'failed',
        at: t(25 * MINUTE),
      }),
      outcomeMessage({ employeeId: mover, appId: app, action: 'account.enable', at: t(30 * MINUTE) }),
      outcomeMessage({ employeeId: quick, appId: app, action: 'account.create', at: t(15 * MINUTE) }),
      outcomeMessage({ employeeId: quick, appId: app, action: 'account.disable', at: t(HOUR + 5 * MINUTE) }),
    ]);
    await waitFor(
      async () => [
        ...(await audit.allEvents({ employeeId: mover }, 100)),
        ...(await audit.allEvents({ employeeId: later }, 100)),
      ],
      (items) => planted(items).length === 10,
      { description: 'the planted records of the mover and of the later leaver' },
    );
    // Same key per person keeps each person's messages in order; the others land on other partitions.
    for (const employeeId of [quick, slow, retried, withoutAccess, open]) {
      await waitFor(
        () => audit.allEvents({ employeeId }, 100),
        (items) => items.some((r: AuditRecordView) => r.action === 'hr.terminate'),
        { description: `the termination of ${employeeId}` },
      );
    }
    await waitFor(
      () => audit.allEvents({ employeeId: retried }, 100),
      (items) => planted(items).length === 4,
      { description: 'the retried leaver’s records' },
    );
  });

  afterAll(() => audit.close());

  describe('access at a point in time', () => {
    const accessAt = async (query: Record<string, string>) =>
      (await audit.get<AccessBody>('/v1/audit/access', query)).body.accounts.map((a) => [
        a.employeeId,
        a.appId,
        a.activeSince,
        a.groups,
      ]);

    it('answers who had an active account in an app at a moment', async () => {
      expect(await accessAt({ appId: app, at: t(5 * MINUTE).toISOString() })).toEqual([]);
      expect(await accessAt({ appId: app, at: t(16 * MINUTE).toISOString() })).toEqual([
        [mover, app, t(10 * MINUTE).toISOString(), ['eng']],
        [quick, app, t(15 * MINUTE).toISOString(), []],
      ]);
      // Disabled at 20 min; the failed re-enable at 25 min changes nothing.
      expect(await accessAt({ appId: app, at: t(26 * MINUTE).toISOString() })).toEqual([
        [quick, app, t(15 * MINUTE).toISOString(), []],
      ]);
      expect(await accessAt({ appId: app, at: t(30 * MINUTE).toISOString() })).toEqual([
        [mover, app, t(30 * MINUTE).toISOString(), ['eng']],
        [quick, app, t(15 * MINUTE).toISOString(), []],
      ]);
    });

    it('answers what access a person had at a moment', async () => {
      expect(await accessAt({ employeeId: mover, at: t(12 * MINUTE + 30_000).toISOString() })).toEqual([
        [mover, app, t(10 * MINUTE).toISOString(), ['eng', 'ops']],
      ]);
      expect(await accessAt({ employeeId: mover, at: t(21 * MINUTE).toISOString() })).toEqual([
        [mover, 'zoom', t(14 * MINUTE).toISOString(), []],
      ]);
      expect(await accessAt({ employeeId: quick, at: t(HOUR + 20 * MINUTE).toISOString() })).toEqual([
        [quick, 'zoom', t(-10 * 24 * HOUR).toISOString(), []],
      ]);
    });

    it('needs a moment and an app or a person', async () => {
      const response = await audit.get<{ errors: { field: string }[] }>('/v1/audit/access', { at: 'noon' });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e) => e.field).sort()).toEqual(['appId', 'at', 'employeeId']);
    });
  });

  describe('time to deprovision', () => {
    const report = async (query: Record<string, string> = {}) =>
      (await audit.get<DeprovisioningReport>('/v1/audit/deprovisioning', { ...period, ...query })).body;

    it('gives each leaver’s effective moment, last account off and the time between', async () => {
      const { leavers } = await report({ targetHours: '4' });
      expect(leavers.map((l) => [l.employeeId, l.status, l.deprovisionedAt, l.durationMs])).toEqual([
        [quick, 'deprovisioned', t(HOUR + 30 * MINUTE).toISOString(), 30 * MINUTE],
        [slow, 'deprovisioned', t(7 * HOUR).toISOString(), 5 * HOUR],
        [retried, 'deprovisioned', t(5 * HOUR).toISOString(), 2 * HOUR],
        [withoutAccess, 'no_access', null, null],
        [open, 'open', null, null],
      ]);
      expect(leavers[0].apps).toEqual([
        { appId: app, removedAt: t(HOUR + 5 * MINUTE).toISOString() },
        { appId: 'slack', removedAt: t(HOUR + 10 * MINUTE).toISOString() },
        { appId: 'zoom', removedAt: t(HOUR + 30 * MINUTE).toISOString() },
      ]);
      expect(leavers[1]).toMatchObject({ effectiveAt: t(2 * HOUR).toISOString(), breached: true });
    });

    it('gives percentiles over the deprovisioned leavers and lists who breached the target', async () => {
      const fourHours = await report({ targetHours: '4' });
      expect(fourHours.summary).toEqual({
        leavers: 5,
        deprovisioned: 3,
        open: 1,
        withoutAccess: 1,
        breaches: 2,
        percentilesMs: { p50: 2 * HOUR, p90: 5 * HOUR, p95: 5 * HOUR, p99: 5 * HOUR, max: 5 * HOUR },
      });
      expect(fourHours.breaches.map((l) => l.employeeId)).toEqual([slow, open]);
      const sixHours = await report({ targetHours: '6' });
      expect(sixHours.breaches.map((l) => l.employeeId)).toEqual([open]);
      const oneHour = await report({ targetHours: '1' });
      expect(oneHour.breaches.map((l) => l.employeeId)).toEqual([slow, retried, open]);
    });

    it('uses the configured target when none is asked for', async () => {
      expect((await report()).targetHours).toBe(4);
    });
  });

  describe('evidence bundle', () => {
    it('streams a zip with the report, the verification and the period’s records, each file in the manifest', async () => {
      const response = await audit.bytes('/v1/audit/evidence', { ...period, targetHours: '4' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/zip');
      const files = await unzip(response.body);
      expect([...files.keys()].sort()).toEqual([
        'access-reviews.jsonl',
        'deprovisioning.json',
        'manifest.json',
        'records.jsonl',
        'sod-checks.jsonl',
        'verification.json',
      ]);
      const manifest = JSON.parse(files.get('manifest.json')!.toString()) as {
        from: string;
        to: string;
        chain: { ok: boolean };
        files: { name: string; bytes: number; sha256: string }[];
      };
      expect(manifest).toMatchObject({ ...period, chain: { ok: true } });
      expect(manifest.files.map((f) => f.name).sort()).toEqual([
        'access-reviews.jsonl',
        'deprovisioning.json',
        'records.jsonl',
        'sod-checks.jsonl',
        'verification.json',
      ]);
      for (const file of manifest.files) {
        const content = files.get(file.name)!;
        expect({
          name: file.name,
          bytes: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
        }).toEqual(file);
      }
      const deprovisioning = JSON.parse(files.get('deprovisioning.json')!.toString()) as DeprovisioningReport;
      expect(deprovisioning.summary).toMatchObject({ leavers: 5, breaches: 2 });
      const records = files
        .get('records.jsonl')!
        .toString()
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as AuditRecordView);
      expect(records.every((r) => r.at >= period.from && r.at < period.to)).toBe(true);
      expect(records.filter((r) => r.employeeId === mover)).toHaveLength(8);
      // Records belong to the period by when they happened: all six terminations were received at its start.
      expect(records.filter((r) => r.action === 'hr.terminate' && r.employeeId.startsWith(run))).toHaveLength(6);
    });
  });
});
