import type { RecentRequests } from '@tenure/contracts';

const BUCKET_MS = 10_000;
const BUCKETS = 30;

interface Bucket {
  start: number;
  requests: number;
  failed: number;
}

/**
 * Requests and failures per app over the last five minutes, in ten-second
 * buckets: an error rate that reflects the app now, not since the gateway started.
 */
export class RecentOutcomes {
  private readonly apps = new Map<string, Bucket[]>();

  constructor(private readonly now: () => number = Date.now) {}

  record(appId: string, ok: boolean): void {
    const start = Math.floor(this.now() / BUCKET_MS) * BUCKET_MS;
    const buckets = this.apps.get(appId) ?? [];
    let bucket = buckets[buckets.length - 1];
    if (!bucket || bucket.start !== start) {
      bucket = { start, requests: 0, failed: 0 };
      buckets.push(bucket);
      if (buckets.length > BUCKETS) buckets.shift();
    }
    bucket.requests += 1;
    if (!ok) bucket.failed += 1;
    this.apps.set(appId, buckets);
  }

  summary(appId: string): RecentRequests {
    const since = this.now() - BUCKET_MS * BUCKETS;
    const recent = (this.apps.get(appId) ?? []).filter((bucket) => bucket.start >= since);
    return {
      windowSeconds: (BUCKET_MS * BUCKETS) / 1000,
      requests: recent.reduce((sum, b) => sum + b.requests, 0),
      failed: recent.reduce((sum, b) => sum + b.failed, 0),
    };
  }
}
