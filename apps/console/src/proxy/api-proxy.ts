import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

/** Headers of the API's answer the browser needs (a download's name and type); nothing else passes. */
const PASSED_RESPONSE_HEADERS = ['content-type', 'content-disposition', 'retry-after'];
const UPSTREAM_TIMEOUT_MS = 60_000;

@Injectable()
export class ApiProxy {
  async forward(request: Request, response: Response, url: string, accessToken: string): Promise<void> {
    const hasBody = !['GET', 'HEAD'].includes(request.method) && request.body !== undefined;
    let upstream: globalThis.Response;
    try {
      upstream = await fetch(url, {
        method: request.method,
        headers: {
          authorization: `Bearer ${accessToken}`,
          accept: request.header('accept') ?? 'application/json',
          ...(hasBody ? { 'content-type': 'application/json' } : {}),
        },
        body: hasBody ? JSON.stringify(request.body ?? {}) : undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
      });
    } catch {
      response.status(502).json({ error: 'upstream_unavailable', message: 'the Tenure API did not answer' });
      return;
    }
    response.status(upstream.status);
    for (const name of PASSED_RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value) response.setHeader(name, value);
    }
    response.setHeader('cache-control', 'no-store');
    if (!upstream.body) {
      response.end();
      return;
    }
    // Streamed, so an evidence bundle or export never sits in the console's memory.
    Readable.fromWeb(upstream.body as WebReadableStream).pipe(response);
  }
}
