import { plainToInstance } from 'class-transformer';
import type { Employee } from '@tenure/domain';
import { evaluatePolicy } from './evaluate-policy';
import { PolicyConfig } from './policy-config';

const policy = plainToInstance(PolicyConfig, {
  rules: [
    { name: 'everyone', grant: [{ app: 'slack', groups: ['all-staff'] }, { app: 'zoom' }] },
    { name: 'engineering', when: { department: ['Engineering'] }, grant: [{ app: 'github', groups: ['engineering'] }] },
    {
      name: 'london-engineers',
      when: { department: ['engineering'], location: ['London'] },
      grant: [{ app: 'slack', groups: ['london'] }],
    },
    {
      name: 'sales',
      when: { department: ['Sales'], employmentType: ['employee'] },
      grant: [{ app: 'salesforce', roles: ['sales-user'] }],
    },
  ],
});

const person = (overrides: Partial<Employee>): Employee => ({
  employeeId: 'E1',
  email: 'e1@example.com',
  givenName: 'A',
  familyName: 'B',
  employmentType: 'employee',
  ...overrides,
});

describe('evaluatePolicy', () => {
  it('grants everyone the default apps', () => {
    expect(evaluatePolicy(policy, person({ department: 'Finance' })).map((e) => e.appId)).toEqual(['slack', 'zoom']);
  });

  it('adds apps of every matching rule and merges groups per app', () => {
    const entitlements = evaluatePolicy(policy, person({ department: 'Engineering', location: 'London' }));
    expect(entitlements).toEqual([
      { appId: 'github', roles: [], groups: ['engineering'], rules: ['engineering'] },
      { appId: 'slack', roles: [], groups: ['all-staff', 'london'], rules: ['everyone', 'london-engineers'] },
      { appId: 'zoom', roles: [], groups: [], rules: ['everyone'] },
    ]);
  });

  it('requires every condition of a rule, case-insensitively', () => {
    expect(evaluatePolicy(policy, person({ department: 'SALES' })).map((e) => e.appId)).toContain('salesforce');
    const contractor = person({ department: 'Sales', employmentType: 'contractor' });
    expect(evaluatePolicy(policy, contractor).map((e) => e.appId)).not.toContain('salesforce');
  });

  it('does not match a rule on an attribute the person lacks', () => {
    expect(evaluatePolicy(policy, person({})).map((e) => e.appId)).toEqual(['slack', 'zoom']);
  });
});
