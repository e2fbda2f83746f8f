import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { documentPersonRoute, documentServiceRoute } from './api-security';
import type { PersonPrincipal, Principal } from './principal';
import type { TenureRole } from './roles';

export const ALLOW_ROLES_KEY = 'tenure:allow-roles';
export const ALLOW_SERVICE_KEY = 'tenure:allow-service';
/** Any signed-in person, whatever their roles (what they may then do is decided by who they are). */
export const ANY_PERSON = 'any-person';

/** Signed-in people holding one of these roles (or admin) may use the route. */
export const Allow = (...roles: TenureRole[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ALLOW_ROLES_KEY, roles), documentPersonRoute());

/** Every signed-in person may use the route; the service below checks whose business it is. */
export const SignedIn = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ALLOW_ROLES_KEY, [ANY_PERSON]), documentPersonRoute());

/** Service credentials with one of these scopes may use the route too; without it, a route is for people only. */
export const AllowService = (...scopes: string[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ALLOW_SERVICE_KEY, scopes), documentServiceRoute());

const PRINCIPAL = Symbol('tenure:principal');
type WithPrincipal = Request & { [PRINCIPAL]?: Principal };

export function setPrincipal(request: Request, principal: Principal): void {
  (request as WithPrincipal)[PRINCIPAL] = principal;
}

export function principalOf(context: ExecutionContext): Principal {
  const principal = context.switchToHttp().getRequest<WithPrincipal>()[PRINCIPAL];
  // The guard sets it on every route that is not public; a route without it is a wiring mistake.
  if (!principal) throw new Error('no signed-in principal on this request');
  return principal;
}

/** Who is acting: the signed-in person or the service credential, as the guard authenticated them. */
export const SignedInActor = createParamDecorator((_: unknown, context: ExecutionContext): Principal =>
  principalOf(context),
);

/** The signed-in person (routes that allow people only). */
export const SignedInPerson = createParamDecorator((_: unknown, context: ExecutionContext): PersonPrincipal => {
  const principal = principalOf(context);
  if (principal.kind !== 'person') throw new Error('this route is for people, but a service got through');
  return principal;
});
