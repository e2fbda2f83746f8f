import { Provider } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { RoleToken, RoleTokenGuard } from './role-token.guard';

/** Installs RoleTokenGuard for the whole app, with the tokens and their roles taken from the injected environment. */
export function roleGuardProvider<E>(environmentToken: symbol, tokensOf: (env: E) => RoleToken[]): Provider {
  return {
    provide: APP_GUARD,
    inject: [Reflector, environmentToken],
    useFactory: (reflector: Reflector, env: E) => new RoleTokenGuard(reflector, tokensOf(env)),
  };
}
