import type { AccountStatus, Employee } from '@tenure/domain';
import type { EmployeeLifecycleState } from '@tenure/temporal-contracts';

/** `GET /v1/employees/:employeeId` (design.md, "Ops API"). */
export interface EmployeeView {
  employeeId: string;
  state: EmployeeLifecycleState;
  lastEventId: string;
  updatedAt: string;
  attributes: Employee;
  accounts: {
    appId: string;
    status: AccountStatus;
    externalId: string | null;
    reason: string | null;
    updatedAt: string;
  }[];
  entitlements: { appId: string; roles: string[]; groups: string[]; rules: string[] }[];
}
