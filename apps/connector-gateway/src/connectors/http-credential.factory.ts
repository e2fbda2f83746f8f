import { ResolvedAuth } from '../apps/app-credentials';
import { BearerCredential } from './bearer-credential';
import { HttpCredential } from './http-credential';
import { OAuthClientCredentials } from './oauth-client-credentials';

/** The Authorization header source for an HTTP connector, from an app's resolved credentials. */
export function httpCredentialFor(auth: ResolvedAuth, timeoutMs: number): HttpCredential {
  switch (auth.type) {
    case 'bearer':
      return new BearerCredential(auth.token.reveal());
    case 'basic':
      return BearerCredential.basic(auth.username, auth.password.reveal());
    case 'oauth2':
      return new OAuthClientCredentials({
        tokenUrl: auth.tokenUrl,
        clientId: auth.clientId,
        clientSecret: auth.clientSecret,
        scope: auth.scope,
        timeoutMs,
      });
  }
}
