export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Said in the error when the wait runs out, with the last value seen. */
  description?: string;
}

/**
 * Polls until `probe` returns a value `accept` takes, for asynchronous effects
 * (a Kafka message consumed, a workflow step done). Fails with what it last saw.
 */
export async function waitFor<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  options: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await answerBefore(deadline, probe());
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 200));
  }
  const seen = lastError ? `error: ${(lastError as Error).message}` : `last value: ${JSON.stringify(last)}`;
  throw new Error(`timed out waiting for ${options.description ?? 'a condition'} (${seen})`);
}

/**
 * A probe that never answers (a call stuck on a dropped connection) would hold
 * the wait past its deadline and the test past its own; give up on it in time.
 */
async function answerBefore<T>(deadline: number, answer: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the probe did not answer before the deadline')), deadline - Date.now());
  });
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}
