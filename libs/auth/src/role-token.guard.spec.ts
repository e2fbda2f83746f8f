import { ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Public } from './bearer-token.guard';
import { RequireRole, RoleTokenGuard } from './role-token.guard';

class Routes {
  @RequireRole('auditor')
  read(): void {}

  @RequireRole('auditor', 'operator')
  status(): void {}

  open(): void {}

  @Public()
  health(): void {}
}

function request(handler: keyof Routes, authorization?: string): ExecutionContext {
  return {
    getType: () => 'http',
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => ({ headers: authorization ? { authorization } : {} }) }),
  } as unknown as ExecutionContext;
}

describe('role token guard', () => {
  const guard = new RoleTokenGuard(new Reflector(), [
    { token: 'auditor-token-0123456789', roles: ['auditor'] },
    { token: 'operator-token-0123456789', roles: ['operator'] },
  ]);

  it('lets a token with the role through', () => {
    expect(guard.canActivate(request('read', 'Bearer auditor-token-0123456789'))).toBe(true);
    expect(guard.canActivate(request('status', 'Bearer operator-token-0123456789'))).toBe(true);
  });

  it('answers 401 without a token, with an unknown one or another scheme', () => {
    expect(() => guard.canActivate(request('read'))).toThrow(UnauthorizedException);
    expect(() => guard.canActivate(request('read', 'Bearer not-a-known-token-at-all'))).toThrow(UnauthorizedException);
    expect(() => guard.canActivate(request('read', 'Basic auditor-token-0123456789'))).toThrow(UnauthorizedException);
  });

  it('answers 403 to a known token without the role', () => {
    expect(() => guard.canActivate(request('read', 'Bearer operator-token-0123456789'))).toThrow(ForbiddenException);
  });

  it('needs only a valid token where no role is required, and none on public routes', () => {
    expect(guard.canActivate(request('open', 'Bearer operator-token-0123456789'))).toBe(true);
    expect(() => guard.canActivate(request('open'))).toThrow(UnauthorizedException);
    expect(guard.canActivate(request('health'))).toBe(true);
  });
});
