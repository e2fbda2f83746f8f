import {
  BadRequestException,
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AccessTokenVerifier, InvalidAccessToken } from './access-token.verifier';
import { ALLOW_ROLES_KEY, ALLOW_SERVICE_KEY, ANY_PERSON, setPrincipal } from './allow.decorator';
import { bearerTokenOf, PUBLIC_KEY } from './bearer-token.guard';
import { constantTimeEquals } from './constant-time';
import type { Principal, ServiceCredential } from './principal';

/** The header that once named the actor; who acts is now the signed-in identity only. */
const RETIRED_ACTOR_HEADER = 'x-tenure-actor';
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const unauthorized = (message: string) => new UnauthorizedException({ error: 'unauthorized', message });

/**
 * Every route needs a bearer credential unless @Public(): a scoped service
 * credential, or a person's access token from the identity provider. Then the
 * route's @Allow / @SignedIn / @AllowService decide; a route that names
 * neither is refused to everyone (a forgotten decorator never opens a route).
 */
@Injectable()
export class SignInGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly services: readonly ServiceCredential[],
    private readonly verifier: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Kafka handlers share the app's controllers; they are authenticated by the broker, not by tokens.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (request.headers[RETIRED_ACTOR_HEADER] !== undefined) {
      throw new BadRequestException({
        errors: [{ field: 'X-Tenure-Actor', message: 'X-Tenure-Actor is not accepted: who acts is who signed in' }],
      });
    }
    const principal = await this.authenticate(bearerTokenOf(request));
    this.authorize(principal, targets);
    setPrincipal(request, principal);
    return true;
  }

  private async authenticate(token: string | undefined): Promise<Principal> {
    if (!token) throw unauthorized('a bearer token is required: a service credential or a signed-in access token');
    // Every credential is compared, so the time taken says nothing about which one nearly matched.
    const service = this.services.filter((credential) => constantTimeEquals(token, credential.token))[0];
    if (service)
      return { kind: 'service', name: service.name, scopes: service.scopes, actorId: `service:${service.name}` };
    if (!JWT_SHAPE.test(token)) throw unauthorized('a valid bearer token is required');
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidAccessToken) throw unauthorized(`the access token is not valid (${error.message})`);
      throw new ServiceUnavailableException({
        error: 'unavailable',
        message: 'the identity provider cannot be reached to check the access token',
      });
    }
  }

  private authorize(principal: Principal, targets: Parameters<Reflector['getAllAndOverride']>[1]): void {
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(ALLOW_ROLES_KEY, targets) ?? [];
    const scopes = this.reflector.getAllAndOverride<string[] | undefined>(ALLOW_SERVICE_KEY, targets) ?? [];
    if (principal.kind === 'service') {
      if (principal.scopes.some((scope) => scopes.includes(scope))) return;
      throw new ForbiddenException({
        error: 'forbidden',
        message:
          scopes.length > 0
            ? `this service credential lacks the scope ${scopes.join(' or ')}`
            : 'this needs a signed-in person: a service credential cannot act as one',
      });
    }
    const allowed =
      roles.includes(ANY_PERSON) ||
      principal.roles.includes('admin') ||
      principal.roles.some((role) => roles.includes(role));
    if (allowed && roles.length > 0) return;
    throw new ForbiddenException({
      error: 'forbidden',
      message: roles.length > 0 ? `this needs the role ${roles.join(' or ')}` : 'this is for service credentials only',
    });
  }
}
