import { createHmac, randomBytes } from 'node:crypto';

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

/** Signs a body as an HR system would for `POST /v1/events/generic`. */
export function signWebhook(
  secret: string,
  payload: unknown,
  timestamp = Math.floor(Date.now() / 1000),
): SignedRequest {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-tenure-timestamp': String(timestamp),
      'x-tenure-signature': `v1=${signature}`,
    },
  };
}

export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

export interface EmployeeFixture {
  employeeId: string;
  email: string;
  givenName: string;
  familyName: string;
  department: string;
  title?: string;
  employmentType: 'employee' | 'contractor';
  timeZone?: string;
  managerId?: string;
  endDate?: string;
}

export function employeeFixture(overrides: Partial<EmployeeFixture> = {}): EmployeeFixture {
  const employeeId = overrides.employeeId ?? uniqueId('E');
  return {
    employeeId,
    email: `${employeeId.toLowerCase()}@example.com`,
    givenName: 'Ada',
    familyName: 'Lovelace',
    department: 'Engineering',
    title: 'Software Engineer',
    employmentType: 'employee',
    timeZone: 'Europe/London',
    ...overrides,
  };
}
