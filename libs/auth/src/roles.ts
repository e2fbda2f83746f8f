/**
 * What a signed-in person may do, mapped from their identity provider groups
 * in config/auth.yaml. `admin` may do everything the others may.
 */
export const TENURE_ROLES = ['operator', 'approver', 'auditor', 'admin'] as const;
export type TenureRole = (typeof TENURE_ROLES)[number];
