import { ChildProcess, spawn } from 'node:child_process';
import { freePort, requiredEnv, waitForPort } from '@tenure/testing';

export interface RunningScim2Server {
  /** The SCIM base URL, e.g. http://127.0.0.1:4321/v2 */
  baseUrl: string;
  token: string;
  stop(): Promise<void>;
}

/**
 * Starts the independent SCIM 2.0 server from PyPI (`scim2-server`, in-memory)
 * on a free loopback port, with a bearer token, as the connector's real peer.
 */
export async function startScim2Server(): Promise<RunningScim2Server> {
  const binary = requiredEnv('TENURE_SCIM2_SERVER_BIN');
  const port = await freePort();
  const token = 'scim2-server-token-0123456789';
  const child: ChildProcess = spawn(
    binary,
    ['--hostname', '127.0.0.1', '--port', String(port), '--bearer-token', token],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitForPort(port, 20_000, () => output);
  return {
    baseUrl: `http://127.0.0.1:${port}/v2`,
    token,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
