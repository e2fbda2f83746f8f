import 'reflect-metadata';
import cookieParser from 'cookie-parser';
import { createHttpApp, runService, serveOpenApi } from '@tenure/http';
import { loadConsoleEnvironment } from './console.environment';
import { ConsoleModule } from './console.module';
import { CONSOLE_OPENAPI } from './console.openapi';
import { resolveWebDir } from './web/web-dir';
import { securityHeaders } from './web/security-headers';

runService('console', async () => {
  const env = loadConsoleEnvironment();
  const webDir = resolveWebDir(env.TENURE_CONSOLE_WEB_DIR);
  const app = await createHttpApp(ConsoleModule.register(env, webDir), { bodyLimit: '1mb' });
  app.use(cookieParser());
  app.use(securityHeaders);
  app.disable('x-powered-by');
  // After the security headers, so /docs and /openapi.json carry them too.
  serveOpenApi(app, CONSOLE_OPENAPI);
  // Hashed file names: the assets never change under the same name.
  app.useStaticAssets(webDir, { index: false, maxAge: '365d', immutable: true });
  await app.listen(env.CONSOLE_PORT, env.TENURE_BIND_HOST);
});
