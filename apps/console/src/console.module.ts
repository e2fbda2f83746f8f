import { DynamicModule, Module } from '@nestjs/common';
import { AccessTokenVerifier, loadAuthConfig } from '@tenure/auth';
import { ENVIRONMENT } from '@tenure/config';
import { HealthController } from '@tenure/http';
import { createLoggerModule } from '@tenure/observability';
import { AuthController } from './auth/auth.controller';
import { ConsoleOidcClient } from './auth/console-oidc.client';
import { CsrfGuard } from './auth/csrf.guard';
import { SignedInSession } from './auth/session.guard';
import type { ConsoleEnvironment } from './console.environment';
import { ApiProxy } from './proxy/api-proxy';
import { ApiProxyController } from './proxy/api-proxy.controller';
import { SessionStore } from './session/session.store';
import { SpaController } from './web/spa.controller';
import { WEB_DIR } from './web/web-dir';

@Module({})
export class ConsoleModule {
  static register(env: ConsoleEnvironment, webDir: string): DynamicModule {
    return {
      module: ConsoleModule,
      imports: [createLoggerModule('console', env.LOG_LEVEL)],
      controllers: [HealthController, AuthController, ApiProxyController, SpaController],
      providers: [
        { provide: ENVIRONMENT, useValue: env },
        { provide: WEB_DIR, useValue: webDir },
        { provide: SessionStore, useValue: new SessionStore() },
        { provide: ConsoleOidcClient, useValue: new ConsoleOidcClient(env) },
        // The same checks as every Tenure API: the roles shown come from a verified token.
        {
          provide: AccessTokenVerifier,
          useValue: new AccessTokenVerifier(
            { issuer: env.TENURE_OIDC_ISSUER, audience: env.TENURE_OIDC_AUDIENCE },
            loadAuthConfig(env.TENURE_CONFIG_DIR),
          ),
        },
        ApiProxy,
        SignedInSession,
        CsrfGuard,
      ],
    };
  }
}
