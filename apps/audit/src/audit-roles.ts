import type { RoleToken } from '@tenure/auth';
import type { AuditEnvironment } from './audit.environment';

/** `auditor` reads the record; `operator` sees whether ingest keeps up, never the record itself. */
export const AUDIT_ROLES = { auditor: 'auditor', operator: 'operator' } as const;

export function auditTokens(env: AuditEnvironment): RoleToken[] {
  const tokens: RoleToken[] = [{ token: env.TENURE_AUDIT_TOKEN, roles: [AUDIT_ROLES.auditor] }];
  if (env.TENURE_AUDIT_OPERATOR_TOKEN) {
    tokens.push({ token: env.TENURE_AUDIT_OPERATOR_TOKEN, roles: [AUDIT_ROLES.operator] });
  }
  return tokens;
}
