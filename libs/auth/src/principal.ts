import type { TenureRole } from './roles';

/** A person signed in through the identity provider. */
export interface PersonPrincipal {
  kind: 'person';
  /** The provider's subject (`sub`). */
  subject: string;
  /** The person in the HR data this identity is, when the provider says so. */
  employeeId?: string;
  roles: TenureRole[];
  /** Who is recorded for what they do: their employee id, or the provider's subject. */
  actorId: string;
}

/** A machine client (HR system, script, another service) with a scoped credential; never a person. */
export interface ServicePrincipal {
  kind: 'service';
  name: string;
  scopes: readonly string[];
  actorId: string;
}

export type Principal = PersonPrincipal | ServicePrincipal;

/** A service credential of one API: its bearer token, a name recorded as `service:<name>`, and its scopes. */
export interface ServiceCredential {
  name: string;
  token: string;
  scopes: readonly string[];
}
