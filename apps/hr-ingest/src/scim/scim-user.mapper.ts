import type { Employee } from '@tenure/domain';
import type { ValueMapsConfig } from '../sources/hr-sources.config';
import { textOf } from '../sources/record-mapping';
import { SCIM_CORE_USER, SCIM_ENTERPRISE_USER } from './scim-schemas';

/** A SCIM User as SCIMMY coerces it: core attributes plus the enterprise extension. */
export interface ScimUser {
  schemas?: string[];
  id?: string;
  externalId?: string;
  userName?: string;
  displayName?: string;
  name?: { givenName?: string; familyName?: string; formatted?: string };
  title?: string;
  userType?: string;
  timezone?: string;
  active?: boolean;
  emails?: { value?: string; type?: string; primary?: boolean }[];
  addresses?: { locality?: string; type?: string; primary?: boolean }[];
  [SCIM_ENTERPRISE_USER]?: { employeeNumber?: string; department?: string; manager?: { value?: string } };
  meta?: { resourceType: string; location?: string };
}

export interface ScimPerson {
  employee: Partial<Employee>;
  active: boolean;
}

function pick<T extends { type?: string; primary?: boolean }>(items: T[] | undefined): T | undefined {
  return items?.find((item) => item.primary) ?? items?.find((item) => item.type === 'work') ?? items?.[0];
}

function mapped(map: Record<string, string> | undefined, value: string | undefined): string | undefined {
  if (value === undefined || !map) return value;
  const key = Object.keys(map).find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  return key === undefined ? value : map[key];
}

/**
 * Reads Tenure's employee from a SCIM User as Microsoft Entra's API-driven
 * inbound provisioning sends it: the employee id is the enterprise
 * employeeNumber (or externalId), the email the primary or work email (or a
 * userName that is one), the manager the enterprise manager's value.
 */
export function employeeFromScimUser(user: ScimUser, values: ValueMapsConfig | undefined): ScimPerson {
  const enterprise = user[SCIM_ENTERPRISE_USER];
  const userName = textOf(user.userName);
  const email = textOf(pick(user.emails)?.value) ?? (userName?.includes('@') ? userName : undefined);
  const employee: Partial<Employee> = {
    employeeId: textOf(enterprise?.employeeNumber) ?? textOf(user.externalId),
    email,
    givenName: textOf(user.name?.givenName),
    familyName: textOf(user.name?.familyName),
    department: mapped(values?.department, textOf(enterprise?.department)),
    title: textOf(user.title),
    location: mapped(values?.location, textOf(pick(user.addresses)?.locality)),
    timeZone: textOf(user.timezone),
    managerId: textOf(enterprise?.manager?.value),
    employmentType: mapped(values?.employmentType, textOf(user.userType)) as Employee['employmentType'] | undefined,
  };
  const present = Object.fromEntries(Object.entries(employee).filter(([, value]) => value !== undefined));
  return { employee: present, active: user.active !== false };
}

/** Tenure's record of a person as a SCIM User, the base a PATCH applies to and what SCIM answers. */
export function scimUserFromEmployee(employee: Employee, active: boolean): ScimUser & { id: string } {
  return {
    schemas: [SCIM_CORE_USER, SCIM_ENTERPRISE_USER],
    id: employee.employeeId,
    externalId: employee.employeeId,
    userName: employee.email,
    name: { givenName: employee.givenName, familyName: employee.familyName },
    ...(employee.title ? { title: employee.title } : {}),
    ...(employee.timeZone ? { timezone: employee.timeZone } : {}),
    userType: employee.employmentType === 'contractor' ? 'Contractor' : 'Employee',
    active,
    emails: [{ value: employee.email, type: 'work', primary: true }],
    ...(employee.location ? { addresses: [{ locality: employee.location, type: 'work', primary: true }] } : {}),
    [SCIM_ENTERPRISE_USER]: {
      employeeNumber: employee.employeeId,
      ...(employee.department ? { department: employee.department } : {}),
      ...(employee.managerId ? { manager: { value: employee.managerId } } : {}),
    },
  };
}

/** The SCIM attribute a Tenure field is read from, to name it in errors. */
export const SCIM_ATTRIBUTE_OF: Record<string, string> = {
  employeeId: `${SCIM_ENTERPRISE_USER}:employeeNumber`,
  email: 'emails',
  givenName: 'name.givenName',
  familyName: 'name.familyName',
  department: `${SCIM_ENTERPRISE_USER}:department`,
  title: 'title',
  location: 'addresses.locality',
  timeZone: 'timezone',
  managerId: `${SCIM_ENTERPRISE_USER}:manager.value`,
  employmentType: 'userType',
};
