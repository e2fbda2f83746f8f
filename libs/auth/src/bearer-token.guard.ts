import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Injectable,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { documentPublicRoute } from './api-security';
import { constantTimeEquals } from './constant-time';

export const PUBLIC_KEY = 'tenure:public';

/** Marks a route that needs no token (health checks, signed webhooks that verify their own signature). */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(PUBLIC_KEY, true), documentPublicRoute());

export function bearerTokenOf(request: Request): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

/** Every route of a service requires its bearer token unless marked @Public(). */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    /** Undefined refuses every route that is not @Public(). */
    private readonly expectedToken: string | undefined,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    // Kafka handlers share the app's controllers; they are authenticated by the broker, not by tokens.
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const token = bearerTokenOf(context.switchToHttp().getRequest<Request>());
    if (!token || !this.expectedToken || !constantTimeEquals(token, this.expectedToken)) {
      throw new UnauthorizedException({ error: 'unauthorized', message: 'a valid bearer token is required' });
    }
    return true;
  }
}
