import { Provider } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { AccessTokenVerifier, OidcSettings } from './access-token.verifier';
import type { AuthConfig } from './auth-config';
import type { ServiceCredential } from './principal';
import { SignInGuard } from './sign-in.guard';

/** Installs SignInGuard for the whole app: the service credentials of this API, and the provider people sign in with. */
export function signInGuardProvider<E>(
  environmentToken: symbol,
  settingsOf: (env: E) => { oidc: OidcSettings; services: ServiceCredential[] },
  config: AuthConfig,
): Provider {
  return {
    provide: APP_GUARD,
    inject: [Reflector, environmentToken],
    useFactory: (reflector: Reflector, env: E) => {
      const { oidc, services } = settingsOf(env);
      return new SignInGuard(reflector, services, new AccessTokenVerifier(oidc, config));
    },
  };
}
