import { applyDecorators } from '@nestjs/common';
import { Allow, AllowService, ServiceCredential } from '@tenure/auth';
import type { AuditEnvironment } from './audit.environment';

/** Scopes of the audit API's service credentials: a SIEM or export job reads the record; a monitor sees ingest status. */
export const AUDIT_SCOPES = { read: 'audit:read', status: 'audit:status' } as const;

export function auditServiceCredentials(env: AuditEnvironment): ServiceCredential[] {
  const credentials: ServiceCredential[] = [
    { name: 'audit-reader', token: env.TENURE_AUDIT_TOKEN, scopes: [AUDIT_SCOPES.read, AUDIT_SCOPES.status] },
  ];
  if (env.TENURE_AUDIT_OPERATOR_TOKEN) {
    credentials.push({ name: 'audit-monitor', token: env.TENURE_AUDIT_OPERATOR_TOKEN, scopes: [AUDIT_SCOPES.status] });
  }
  return credentials;
}

/** The record itself: auditors (and admins), and the reader credential. */
export const AuditRead = () => applyDecorators(Allow('auditor'), AllowService(AUDIT_SCOPES.read));

/**
 * The time-to-deprovision report: who left and how fast their access went,
 * without the record's details. Operators and approvers watch it on the
 * console's overview; auditors (and the reader credential) read it too.
 */
export const DeprovisioningRead = () =>
  applyDecorators(Allow('auditor', 'operator', 'approver'), AllowService(AUDIT_SCOPES.read));

/** Whether ingest keeps up, without personal data: operators too. */
export const AuditStatusRead = () => applyDecorators(Allow('auditor', 'operator'), AllowService(AUDIT_SCOPES.status));
