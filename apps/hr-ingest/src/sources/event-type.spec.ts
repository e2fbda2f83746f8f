import type { Employee, LifecycleEventType } from '@tenure/domain';
import { resolveEventType } from './event-type';

const person = {
  employeeId: 'E1',
  email: 'e1@example.com',
  givenName: 'A',
  familyName: 'B',
  employmentType: 'employee',
};
const known = (lastType: LifecycleEventType) => ({ employee: person as Employee, lastType });

describe('resolveEventType', () => {
  it.each([
    ['someone new, active', undefined, false, 'hire'],
    ['someone new, leaving', undefined, true, 'terminate'],
    ['a current employee, active', known('change'), false, 'change'],
    ['a current employee, leaving', known('hire'), true, 'terminate'],
    ['a leaver, active again', known('terminate'), false, 'rehire'],
    ['a leaver, still leaving', known('terminate'), true, 'change'],
    ['a cancelled hire, active', known('cancel_hire'), false, 'hire'],
  ] as const)('%s', (_, who, leaving, expected) => {
    expect(resolveEventType(who, leaving)).toBe(expected);
  });
});
