import { join } from 'node:path';
import { Type } from 'class-transformer';
import { IsArray, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { loadYamlConfig } from '@tenure/config';
import type { TenureRole } from './roles';

const CLAIM = /^[A-Za-z_][A-Za-z0-9_.:/-]{0,127}$/;

export class ClaimNames {
  /** The claim with the person's employee id (as in the HR data). */
  @IsOptional()
  @Matches(CLAIM, { message: 'employeeId must be a claim name' })
  employeeId?: string = 'employee_id';

  @Matches(CLAIM, { message: 'email must be a claim name' })
  email: string = 'email';

  /** The claim with the person's groups (a list of strings). */
  @Matches(CLAIM, { message: 'groups must be a claim name' })
  groups: string = 'groups';
}

export class RoleGroups implements Record<TenureRole, string[]> {
  @IsArray({ message: 'operator must be a list of group names' })
  @IsString({ each: true })
  operator: string[] = [];

  @IsArray({ message: 'approver must be a list of group names' })
  @IsString({ each: true })
  approver: string[] = [];

  @IsArray({ message: 'auditor must be a list of group names' })
  @IsString({ each: true })
  auditor: string[] = [];

  @IsArray({ message: 'admin must be a list of group names' })
  @IsString({ each: true })
  admin: string[] = [];
}

/** config/auth.yaml: which claims say who someone is, and which groups give which role. */
export class AuthConfig {
  @ValidateNested()
  @Type(() => ClaimNames)
  claims: ClaimNames = new ClaimNames();

  @ValidateNested()
  @Type(() => RoleGroups)
  roles: RoleGroups = new RoleGroups();
}

export const loadAuthConfig = (configDir: string, env: NodeJS.ProcessEnv = process.env): AuthConfig =>
  loadYamlConfig(join(configDir, 'auth.yaml'), AuthConfig, env);
