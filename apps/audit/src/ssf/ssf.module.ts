import { DynamicModule, Module } from '@nestjs/common';
import { AccessTokenVerifier, loadAuthConfig } from '@tenure/auth';
import { createLogger } from '@tenure/observability';
import type { AuditEnvironment } from '../audit.environment';
import { SsfController } from './ssf.controller';
import { SsfOutboxRepository } from './ssf-outbox.repository';
import { SSF_LOGGER, SsfOutcomeConsumer } from './ssf-outcome.consumer';
import { SsfPollService } from './ssf-poll.service';
import { SsfPushDeliverer } from './ssf-push.deliverer';
import { SSF_TOKEN_VERIFIER, SsfReceiverGuard } from './ssf-receiver.guard';
import { SSF_SETTINGS, SsfSettings } from './ssf-settings';
import { SsfSigningKeyService } from './ssf-signing-key.service';
import { SsfStreamsService } from './ssf-streams.service';

export function ssfSettingsOf(env: AuditEnvironment): SsfSettings {
  return {
    issuer: (env.TENURE_SSF_ISSUER ?? `http://127.0.0.1:${env.AUDIT_PORT}`).replace(/\/$/, ''),
    audience: env.TENURE_SSF_AUDIENCE,
    receivers: (env.TENURE_SSF_RECEIVERS ?? '').split(',').filter(Boolean),
    oauthIssuer: env.TENURE_OIDC_ISSUER,
    topicPrefix: env.TENURE_TOPIC_PREFIX,
    brokers: env.KAFKA_BROKERS,
  };
}

/** The Shared Signals transmitter of the audit service: it reads the same outcomes the chain records. */
@Module({})
export class SsfModule {
  static register(env: AuditEnvironment): DynamicModule {
    const settings = ssfSettingsOf(env);
    return {
      module: SsfModule,
      controllers: [SsfController],
      providers: [
        { provide: SSF_SETTINGS, useValue: settings },
        { provide: SSF_LOGGER, useValue: createLogger('audit', env.LOG_LEVEL).child({ component: 'ssf' }) },
        {
          provide: SSF_TOKEN_VERIFIER,
          useValue: new AccessTokenVerifier(
            { issuer: settings.oauthIssuer, audience: settings.audience },
            loadAuthConfig(env.TENURE_CONFIG_DIR),
          ),
        },
        SsfReceiverGuard,
        SsfSigningKeyService,
        SsfOutboxRepository,
        SsfStreamsService,
        SsfPollService,
        SsfOutcomeConsumer,
        SsfPushDeliverer,
      ],
    };
  }
}
