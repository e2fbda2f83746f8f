import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ExecutionContext, ForbiddenException, HttpException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { exportJWK, generateKeyPair, JWTPayload, SignJWT } from 'jose';
import { AccessTokenVerifier } from './access-token.verifier';
import { Allow, AllowService, principalOf, SignedIn } from './allow.decorator';
import { AuthConfig, ClaimNames, RoleGroups } from './auth-config';
import { Public } from './bearer-token.guard';
import { SignInGuard } from './sign-in.guard';

class Routes {
  @Allow('approver')
  approve(): void {}

  @Allow('operator')
  @AllowService('ops')
  retry(): void {}

  @SignedIn()
  decideAccess(): void {}

  undeclared(): void {}

  @Public()
  health(): void {}
}

const AUDIENCE = 'api://tenure';
const SERVICE_TOKEN = 'ops-service-token-0123456789';
let server: Server;
let issuer: string;
let sign: (claims: JWTPayload, options?: { audience?: string; issuer?: string; expiresIn?: string }) => Promise<string>;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration') {
      res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
    } else res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sign = (claims, options = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'at+jwt' })
      .setIssuer(options.issuer ?? issuer)
      .setAudience(options.audience ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(privateKey);
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

function config(): AuthConfig {
  const roles = Object.assign(new RoleGroups(), {
    operator: ['ops-team'],
    approver: ['approvers'],
    auditor: ['auditors'],
    admin: ['admins'],
  });
  return Object.assign(new AuthConfig(), { claims: new ClaimNames(), roles });
}

function guard(): SignInGuard {
  return new SignInGuard(
    new Reflector(),
    [{ name: 'ops', token: SERVICE_TOKEN, scopes: ['ops'] }],
    new AccessTokenVerifier({ issuer, audience: AUDIENCE }, config()),
  );
}

function request(handler: keyof Routes, authorization?: string, headers: Record<string, string> = {}) {
  const req = { headers: { ...headers, ...(authorization ? { authorization } : {}) } };
  return {
    getType: () => 'http',
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => req }),
  } as unknown as ExecutionContext;
}

const statusOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof HttpException) return error.getStatus();
    throw error;
  }
};

describe('sign-in guard', () => {
  it('lets a person with the role through and records who they are', async () => {
    const token = await sign({ sub: 'maria', employee_id: 'E9001', groups: ['approvers'] });
    const context = request('approve', `Bearer ${token}`);
    await expect(guard().canActivate(context)).resolves.toBe(true);
    expect(principalOf(context)).toEqual({
      kind: 'person',
      subject: 'maria',
      employeeId: 'E9001',
      roles: ['approver'],
      actorId: 'E9001',
    });
  });

  it('answers 403 to a person without the role, and lets admins do everything', async () => {
    const operator = await sign({ sub: 'olivia', groups: ['ops-team'] });
    await expect(guard().canActivate(request('approve', `Bearer ${operator}`))).rejects.toThrow(ForbiddenException);
    const admin = await sign({ sub: 'adele', groups: ['admins'] });
    expect(await statusOf(guard().canActivate(request('approve', `Bearer ${admin}`)))).toBe(200);
  });

  it('refuses tokens of another issuer or audience, expired ones and unsigned ones (401)', async () => {
    const claims = { sub: 'maria', groups: ['approvers'] };
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, iss: issuer, aud: AUDIENCE })).toString('base64url')}.x`;
    for (const token of [
      await sign(claims, { audience: 'another-api' }),
      await sign(claims, { issuer: 'https://elsewhere.example.com' }),
      await sign(claims, { expiresIn: '-5m' }),
      unsigned,
    ]) {
      await expect(guard().canActivate(request('approve', `Bearer ${token}`))).rejects.toThrow(UnauthorizedException);
    }
  });

  it('keeps service credentials to their scope: never on a route for people', async () => {
    expect(await statusOf(guard().canActivate(request('retry', `Bearer ${SERVICE_TOKEN}`)))).toBe(200);
    const context = request('retry', `Bearer ${SERVICE_TOKEN}`);
    await guard().canActivate(context);
    expect(principalOf(context)).toMatchObject({ kind: 'service', actorId: 'service:ops' });
    expect(await statusOf(guard().canActivate(request('approve', `Bearer ${SERVICE_TOKEN}`)))).toBe(403);
    expect(await statusOf(guard().canActivate(request('decideAccess', `Bearer ${SERVICE_TOKEN}`)))).toBe(403);
  });

  it('lets any signed-in person reach @SignedIn routes, and nobody reach a route that declares no one', async () => {
    const nobody = await sign({ sub: 'ravi', employee_id: 'E9002' });
    expect(await statusOf(guard().canActivate(request('decideAccess', `Bearer ${nobody}`)))).toBe(200);
    const admin = await sign({ sub: 'adele', groups: ['admins'] });
    expect(await statusOf(guard().canActivate(request('undeclared', `Bearer ${admin}`)))).toBe(403);
    expect(await statusOf(guard().canActivate(request('undeclared', `Bearer ${SERVICE_TOKEN}`)))).toBe(403);
  });

  it('answers 401 without a token, refuses the retired actor header (400), and leaves public routes open', async () => {
    expect(await statusOf(guard().canActivate(request('retry')))).toBe(401);
    expect(await statusOf(guard().canActivate(request('retry', 'Bearer not-a-known-token')))).toBe(401);
    const forged = request('retry', `Bearer ${SERVICE_TOKEN}`, { 'x-tenure-actor': 'E9001' });
    expect(await statusOf(guard().canActivate(forged))).toBe(400);
    expect(await statusOf(guard().canActivate(request('health')))).toBe(200);
  });
});
