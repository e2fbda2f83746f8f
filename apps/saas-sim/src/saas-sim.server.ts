import { once } from 'node:events';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { ErrorRequestHandler, Express } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { SimulatedAppSettings } from './config/simulated-app';
import { createAdminRouter } from './admin/admin.router';
import { createAppApiRouter } from './extensions/app-api.router';
import { serveApp } from './extensions/served-app';
import { createOAuthTokenRouter } from './oauth/oauth-token.router';
import { createScimAppsRouter } from './scim/scim-apps.router';
import { parseScimQuery } from './scim/scim-query.parser';
import { RandomSource } from './simulation/simulated-conditions.middleware';

export interface SaasSimOptions {
  apps: readonly SimulatedAppSettings[];
  logger: Logger;
  /** Replaces Math.random for latency and faults, so tests can pin them. */
  random?: RandomSource;
  /** Opens the admin API (live faults, seeding); without it the admin API refuses every call. */
  adminToken?: string;
}

export function createSaasSimApp({ apps, logger, random, adminToken }: SaasSimOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', parseScimQuery);
  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (request) => request.url === '/health' },
      // Request bodies and headers are never logged: they hold personal data and tokens.
      serializers: {
        req: (request: { id: unknown; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          url: request.url,
        }),
      },
    }),
  );
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  const served = apps.map(serveApp);
  const servedById = new Map(served.map((one) => [one.settings.id, one]));
  app.use((request, _response, next) => {
    const [, appId, api] = request.path.split('/');
    if (api === 'scim' || api === 'api') {
      const counted = servedById.get(appId);
      if (counted) counted.requests.count += 1;
    }
    next();
  });
  app.use(createScimAppsRouter(served, random));
  app.use(createAppApiRouter(served, random));
  app.use(createAdminRouter(served, adminToken));
  app.use(createOAuthTokenRouter(served));
  app.use((_request, response) => {
    response.status(404).json({ message: 'not found' });
  });
  const lastResort: ErrorRequestHandler = (error: unknown, request, response, _next) => {
    // SCIMMY has already answered with a SCIM error and passes server-side ones on for logging.
    if (response.headersSent) {
      request.log.warn({ err: error, status: response.statusCode }, 'SCIM request failed');
      return;
    }
    request.log.error({ err: error }, 'unhandled error');
    response.status(500).json({ message: 'internal error' });
  };
  app.use(lastResort);
  return app;
}

export interface RunningSaasSim {
  /** e.g. http://127.0.0.1:3100; each app is under `${url}/<appId>/scim/v2`. */
  url: string;
  close(): Promise<void>;
}

export async function startSaasSim(options: SaasSimOptions & { host: string; port: number }): Promise<RunningSaasSim> {
  const server: Server = createServer(createSaasSimApp(options));
  server.listen(options.port, options.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
