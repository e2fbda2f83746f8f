import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';
import { AccessTokenVerifier, bearerTokenOf, InvalidAccessToken } from '@tenure/auth';
import { SSF_SETTINGS, SsfSettings } from './ssf-settings';

export const SSF_TOKEN_VERIFIER = Symbol('SSF_TOKEN_VERIFIER');

/** RFC 9068 names the client `client_id`; Entra ID and other OpenID providers say `azp`, Okta `cid`. */
const clientIdOf = (claims: Record<string, unknown>): unknown => claims.client_id ?? claims.azp ?? claims.cid;
const RECEIVER = Symbol('tenure:ssf-receiver');
type WithReceiver = Request & { [RECEIVER]?: string };

/**
 * Receivers authenticate as OAuth clients (SSF 1.0 §8.1, RFC 6749 client
 * credentials): a JWT access token from Tenure's OAuth provider for the SSF
 * audience, whose `client_id` is a configured receiver. A person's token is
 * for another audience and is refused here, as a receiver's is on every other API.
 */
@Injectable()
export class SsfReceiverGuard implements CanActivate {
  constructor(
    @Inject(SSF_TOKEN_VERIFIER) private readonly verifier: AccessTokenVerifier,
    @Inject(SSF_SETTINGS) private readonly settings: SsfSettings,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WithReceiver>();
    const token = bearerTokenOf(request);
    if (!token)
      throw new UnauthorizedException({ error: 'unauthorized', message: 'a receiver access token is required' });
    let clientId: unknown;
    try {
      clientId = clientIdOf(await this.verifier.verifyClaims(token));
    } catch (error) {
      if (error instanceof InvalidAccessToken) {
        throw new UnauthorizedException({
          error: 'unauthorized',
          message: `the access token is not valid (${error.message})`,
        });
      }
      throw new ServiceUnavailableException({
        error: 'unavailable',
        message: 'the OAuth provider cannot be reached to check the access token',
      });
    }
    if (typeof clientId !== 'string' || !this.settings.receivers.includes(clientId)) {
      throw new ForbiddenException({ error: 'forbidden', message: 'this client is not a configured receiver' });
    }
    request[RECEIVER] = clientId;
    return true;
  }
}

/** The receiver's OAuth client id, as the guard authenticated it. */
export const SsfReceiver = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const clientId = context.switchToHttp().getRequest<WithReceiver>()[RECEIVER];
  if (!clientId) throw new Error('no authenticated receiver on this request');
  return clientId;
});
