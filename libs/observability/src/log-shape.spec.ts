import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import pinoHttp from 'pino-http';
import { CORRELATION_FIELDS, correlationOf, tenureHttpLogOptions, tenureLogOptions } from './log-shape';

/** Every line a logger writes, parsed. */
function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('the log shape every service writes', () => {
  // The names the services and their parts log under (createLogger / createLoggerModule callers).
  it.each([
    ['hr-ingest', { service: 'hr-ingest' }],
    ['orchestrator', { service: 'orchestrator' }],
    ['orchestrator.temporal', { service: 'orchestrator', component: 'temporal' }],
    ['connector-gateway', { service: 'connector-gateway' }],
    ['audit', { service: 'audit' }],
    ['audit.kafka', { service: 'audit', component: 'kafka' }],
    ['saas-sim', { service: 'saas-sim' }],
  ])('%s: time, level name, service, msg and correlation ids at the top', (name, origin) => {
    const { stream, lines } = capture();
    const logger = pino(tenureLogOptions(name, 'info'), stream);
    logger.info(
      { eventId: 'evt-1', employeeId: 'E1', workflowId: 'employee-E1', runId: 'r-1', appId: 'slack' },
      'step done',
    );
    logger.error({ err: new Error('boom') }, 'step failed');
    const [info, error] = lines();
    expect(info).toEqual({
      time: expect.stringMatching(ISO_TIME),
      level: 'info',
      ...origin,
      pid: process.pid,
      msg: 'step done',
      eventId: 'evt-1',
      employeeId: 'E1',
      workflowId: 'employee-E1',
      runId: 'r-1',
      appId: 'slack',
    });
    expect(error).toMatchObject({
      level: 'error',
      ...origin,
      msg: 'step failed',
      err: { type: 'Error', message: 'boom' },
    });
  });

  it('blanks credentials wherever they appear', () => {
    const { stream, lines } = capture();
    const logger = pino(tenureLogOptions('audit', 'info'), stream);
    logger.info(
      { receiver: { token: 'secret-token', password: 'pw' }, req: { headers: { authorization: 'Bearer x' } } },
      'x',
    );
    const text = JSON.stringify(lines());
    expect(text).not.toContain('secret-token');
    expect(text).not.toContain('Bearer x');
    expect(text).not.toContain('"pw"');
  });

  it('picks the correlation ids out of other metadata (Temporal log entries)', () => {
    expect(correlationOf({ workflowId: 'employee-E1', runId: 'abc', taskQueue: 'q', attempt: 1 })).toEqual({
      workflowId: 'employee-E1',
      runId: 'abc',
    });
    expect(correlationOf(undefined)).toEqual({});
    expect(CORRELATION_FIELDS).toEqual([
      'requestId',
      'eventId',
      'employeeId',
      'workflowId',
      'runId',
      'appId',
      'streamId',
    ]);
  });

  it('writes request lines in the same shape, with the request id a caller sent or a new one', async () => {
    const { stream, lines } = capture();
    const middleware = pinoHttp({ ...tenureHttpLogOptions('orchestrator', 'info'), stream });
    const server = createServer((req, res) => {
      middleware(req, res);
      req.log.info('inside the request');
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const given = await fetch(`${url}/v1/runs?x=1`, {
        headers: { 'x-request-id': 'req-42', authorization: 'Bearer t' },
      });
      expect(given.headers.get('x-request-id')).toBe('req-42');
      const minted = await fetch(`${url}/v1/runs`, { headers: { 'x-request-id': 'bad id; with spaces' } });
      expect(minted.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      await fetch(`${url}/health/ready`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    const written = lines();
    // Each request has the line logged inside it; its completion line too, unless it is a probe.
    expect(written.map((line) => [line.msg, (line.req as { url: string }).url])).toEqual([
      ['inside the request', '/v1/runs?x=1'],
      ['request completed', '/v1/runs?x=1'],
      ['inside the request', '/v1/runs'],
      ['request completed', '/v1/runs'],
      ['inside the request', '/health/ready'],
    ]);
    for (const line of written) {
      expect(line).toMatchObject({
        time: expect.stringMatching(ISO_TIME),
        level: 'info',
        service: 'orchestrator',
        msg: expect.any(String),
        requestId: expect.any(String),
      });
    }
    expect(written.filter((line) => line.requestId === 'req-42')).toHaveLength(2);
    expect(written.find((line) => line.msg === 'request completed')).toMatchObject({
      req: { method: 'GET', url: '/v1/runs?x=1' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
    expect(JSON.stringify(written)).not.toContain('Bearer t');
  });
});
