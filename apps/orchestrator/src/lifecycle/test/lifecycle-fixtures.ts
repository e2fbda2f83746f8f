import type { Employee } from '@tenure/domain';

let people = 0;

export function person(overrides: Partial<Employee> = {}): Employee {
  const employeeId = overrides.employeeId ?? `WF${Date.now().toString(36)}${++people}`;
  return {
    employeeId,
    email: `${employeeId.toLowerCase()}@example.com`,
    givenName: 'Grace',
    familyName: 'Hopper',
    department: 'Engineering',
    title: 'Engineer',
    timeZone: 'Europe/London',
    managerId: 'M1000',
    employmentType: 'employee',
    ...overrides,
  };
}

/** The calendar date (YYYY-MM-DD) an instant falls on in a zone. */
export function localDate(instantMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instantMs),
  );
}

export const iso = (ms: number): string => new Date(ms).toISOString();
