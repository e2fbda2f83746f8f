import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('writes one request at once, and those arriving meanwhile together, in arrival order', async () => {
    const writes: number[][] = [];
    let release: () => void = () => undefined;
    const commit = new GroupCommit<number, string>(async (items) => {
      writes.push(items);
      if (writes.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return items.map((item) => `stored ${item}`);
    });
    const first = commit.submit(1);
    const rest = [2, 3, 4].map((n) => commit.submit(n));
    release();
    expect(await first).toBe('stored 1');
    expect(await Promise.all(rest)).toEqual(['stored 2', 'stored 3', 'stored 4']);
    expect(writes).toEqual([[1], [2, 3, 4]]);
  });

  it('fails every request of a failed write and keeps serving the next ones', async () => {
    let fail = true;
    const commit = new GroupCommit<number, number>(async (items) => {
      if (fail) throw new Error('database away');
      return items;
    });
    await expect(commit.submit(1)).rejects.toThrow('database away');
    fail = false;
    expect(await commit.submit(2)).toBe(2);
  });

  it('writes the items of a batch refused because of one of them one by one: only that one fails', async () => {
    const writes: number[][] = [];
    let release: () => void = () => undefined;
    const commit = new GroupCommit<number, number>(
      async (items) => {
        writes.push(items);
        if (writes.length === 1) await new Promise<void>((resolve) => (release = resolve));
        if (items.includes(13)) throw new Error('invalid input syntax');
        return items;
      },
      1_000,
      (error) => error instanceof Error && error.message === 'invalid input syntax',
    );
    const first = commit.submit(1);
    const rest = [2, 13, 4].map((n) => commit.submit(n).catch((error: Error) => error.message));
    release();
    expect(await first).toBe(1);
    expect(await Promise.all(rest)).toEqual([2, 'invalid input syntax', 4]);
    expect(writes).toEqual([[1], [2, 13, 4], [2], [13], [4]]);
  });

  it('fails the whole batch at once when the failure is not about an item', async () => {
    const writes: number[][] = [];
    let release: () => void = () => undefined;
    const commit = new GroupCommit<number, number>(
      async (items) => {
        writes.push(items);
        if (writes.length === 1) await new Promise<void>((resolve) => (release = resolve));
        throw new Error('database away');
      },
      1_000,
      (error) => error instanceof Error && error.message === 'invalid input syntax',
    );
    const all = [1, 2, 3].map((n) => commit.submit(n).catch((error: Error) => error.message));
    release();
    expect(await Promise.all(all)).toEqual(['database away', 'database away', 'database away']);
    expect(writes).toEqual([[1], [2, 3]]);
  });

  it('caps a batch at its maximum size', async () => {
    const sizes: number[] = [];
    const commit = new GroupCommit<number, number>(async (items) => {
      sizes.push(items.length);
      return items;
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => commit.submit(n)));
    expect(sizes).toEqual([1, 2, 2]);
  });
});
