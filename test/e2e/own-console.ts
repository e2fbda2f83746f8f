import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, waitFor } from '@tenure/testing';

const CONSOLE_MAIN = join(__dirname, '../../dist/apps/console/src/main.js');

/**
 * A console of a test's own (built, as in production) in front of another
 * orchestrator, e.g. one with a tiny mass-change limit. The development
 * provider lets the console client come back to any loopback port.
 */
export class OwnConsole {
  private child: ChildProcess | undefined;
  private output = '';
  url = '';

  async start(orchestratorUrl: string): Promise<void> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    this.child = spawn(process.execPath, [CONSOLE_MAIN], {
      env: { ...process.env, CONSOLE_PORT: String(port), TENURE_CONSOLE_URL: this.url, TENURE_ORCHESTRATOR_URL: orchestratorUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    await waitFor(
      () => fetch(`${this.url}/health/ready`).then((r) => r.status, () => 0),
      (status) => status === 200,
      { description: `the console to start; output: ${this.output.slice(-1500)}`, timeoutMs: 30_000 },
    );
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}
