import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowClient } from '@temporalio/client';
import { historyToFile } from './history-file';

/** Test names as file names: `joiners-and-movers-prepares-a-future-hire-s-accounts…`. */
function slug(text: string, length = 90): string {
  return text
    .replace(/^employee lifecycle workflow:\s*/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, length)
    .replace(/-$/, '');
}

/**
 * Writes the histories of the workflows a test suite ran, for the replay test
 * (`TENURE_CAPTURE_HISTORIES=<dir>`): one file per workflow run, named after
 * the test that started the workflow, every run of a workflow that continued
 * as new included.
 */
export class HistoryCapture {
  private readonly started = new Map<string, string>();

  constructor(private readonly directory: string | undefined) {}

  static fromEnv(): HistoryCapture {
    return new HistoryCapture(process.env.TENURE_CAPTURE_HISTORIES || undefined);
  }

  /** Remembers which test started a workflow. */
  remember(workflowId: string): void {
    if (!this.directory || this.started.has(workflowId)) return;
    this.started.set(workflowId, expect.getState().currentTestName ?? 'unnamed');
  }

  async write(client: WorkflowClient): Promise<void> {
    const directory = this.directory;
    if (!directory) return;
    mkdirSync(directory, { recursive: true });
    const perTest = new Map<string, number>();
    for (const [workflowId, testName] of this.started) {
      const name = slug(testName);
      const index = (perTest.get(name) ?? 0) + 1;
      perTest.set(name, index);
      // The latest run first, then back along the chain of continued-as-new runs.
      let runId: string | undefined;
      for (let generation = 0; ; generation++) {
        const history = await client.getHandle(workflowId, runId).fetchHistory();
        const suffix = generation === 0 ? '' : `-earlier-${generation}`;
        writeFileSync(join(directory, `${name}-${index}${suffix}.json`), historyToFile(history));
        const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
        runId = started?.continuedExecutionRunId ?? undefined;
        if (!runId) break;
      }
    }
  }
}
