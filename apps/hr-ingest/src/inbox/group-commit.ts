interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: requests that arrive while a write is in flight wait for it
 * and are then written together, in arrival order, by the next one. One
 * request alone is written at once (no added delay); under load, hundreds
 * share a transaction and its fsync. A write refused because of one item
 * (`isolates` says so) is tried again item by item, so one bad item never
 * fails the others that happened to share its transaction.
 */
export class GroupCommit<T, R> {
  private queue: Pending<T, R>[] = [];
  private flushing = false;

  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    private readonly maxBatch = 1_000,
    private readonly isolates: (error: unknown) => boolean = () => false,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.flushing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.writeBatch(batch);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async writeBatch(batch: Pending<T, R>[]): Promise<void> {
    try {
      const results = await this.write(batch.map((pending) => pending.item));
      batch.forEach((pending, index) => pending.resolve(results[index]));
    } catch (error) {
      if (batch.length > 1 && this.isolates(error)) {
        for (const pending of batch) await this.writeBatch([pending]);
      } else batch.forEach((pending) => pending.reject(error));
    }
  }
}
