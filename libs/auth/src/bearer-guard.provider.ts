import { Provider } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { BearerTokenGuard } from './bearer-token.guard';

/** Installs BearerTokenGuard for the whole app, with the token taken from the injected environment. */
export function bearerGuardProvider<E>(environmentToken: symbol, tokenOf: (env: E) => string | undefined): Provider {
  return {
    provide: APP_GUARD,
    inject: [Reflector, environmentToken],
    useFactory: (reflector: Reflector, env: E) => new BearerTokenGuard(reflector, tokenOf(env)),
  };
}
