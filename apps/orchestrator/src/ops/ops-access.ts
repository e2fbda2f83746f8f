import { applyDecorators } from '@nestjs/common';
import { Allow, AllowService, ServiceCredential } from '@tenure/auth';
import type { OrchestratorEnvironment } from '../orchestrator.environment';

/** The scope of TENURE_OPS_TOKEN: scripts and other services read, plan, retry and reconcile; they never decide. */
export const OPS_SERVICE_SCOPE = 'ops';

export const opsServiceCredentials = (env: OrchestratorEnvironment): ServiceCredential[] => [
  { name: 'ops', token: env.TENURE_OPS_TOKEN, scopes: [OPS_SERVICE_SCOPE] },
];

/** Reading runs, people, plans and reports: operators, approvers, and the ops service credential. */
export const OpsRead = () => applyDecorators(Allow('operator', 'approver'), AllowService(OPS_SERVICE_SCOPE));

/** Keeping things moving (retries, reconciliations): operators, and the ops service credential. */
export const OpsOperate = () => applyDecorators(Allow('operator'), AllowService(OPS_SERVICE_SCOPE));
