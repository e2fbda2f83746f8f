import type { OpenApiOptions } from '@tenure/http';
import type { AuditEnvironment } from './audit.environment';
import { SSF_RECEIVER_SCHEME } from './ssf/ssf-openapi';

export const auditOpenApi = (env: AuditEnvironment): OpenApiOptions => ({
  title: 'Tenure audit API',
  description:
    'The append-only, hash-chained audit record: queries, exports, access at a point in time, time to ' +
    'deprovision, evidence bundles and chain verification; and the Shared Signals (OpenID SSF 1.0) ' +
    'transmitter under /ssf and /.well-known/ssf-configuration.',
  securitySchemes: {
    [SSF_RECEIVER_SCHEME]: {
      type: 'oauth2',
      description: `Shared Signals receivers: an access token for ${env.TENURE_SSF_AUDIENCE} from the OAuth client credentials grant.`,
      flows: {
        clientCredentials: { tokenUrl: `${env.TENURE_OIDC_ISSUER.replace(/\/$/, '')}/token`, scopes: {} },
      },
    },
  },
});
