import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { bearerTokenOf, PUBLIC_KEY } from './bearer-token.guard';
import { constantTimeEquals } from './constant-time';

const ROLES_KEY = 'tenure:roles';

/** A bearer token and the roles it carries. */
export interface RoleToken {
  token: string;
  roles: readonly string[];
}

/** A route (or controller) that only tokens with one of these roles may use. */
export const RequireRole = (...roles: string[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/**
 * Bearer tokens that carry roles: no token or an unknown one is 401, a known
 * token without a role the route requires is 403. Routes without @RequireRole
 * need a valid token only; @Public() routes need none.
 */
@Injectable()
export class RoleTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: readonly RoleToken[],
  ) {}

  canActivate(context: ExecutionContext): boolean {
    // Kafka handlers share the app's controllers; they are authenticated by the broker, not by tokens.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const given = bearerTokenOf(context.switchToHttp().getRequest<Request>());
    // Every configured token is compared, so the time taken says nothing about which one nearly matched.
    const matches = given ? this.tokens.filter((entry) => constantTimeEquals(given, entry.token)) : [];
    if (matches.length === 0) {
      throw new UnauthorizedException({ error: 'unauthorized', message: 'a valid bearer token is required' });
    }
    const required = this.reflector.getAllAndOverride<string[] | undefined>(ROLES_KEY, targets);
    if (required && !matches.some((entry) => entry.roles.some((role) => required.includes(role)))) {
      throw new ForbiddenException({
        error: 'forbidden',
        message: `this token lacks the role ${required.join(' or ')}`,
      });
    }
    return true;
  }
}
