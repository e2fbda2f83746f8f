import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ACCOUNT_STATE_ACTIONS, isActivating } from './account-history';
import { AccessQueryDto } from './dto/access-query.dto';

export interface ActiveAccount {
  employeeId: string;
  appId: string;
  externalId: string | null;
  /** When the account was last created or re-enabled. */
  activeSince: string;
  /** Groups whose last recorded change before the moment was an add. */
  groups: string[];
}

export interface AccessAtTime {
  at: string;
  appId?: string;
  employeeId?: string;
  accounts: ActiveAccount[];
}

interface LastStep {
  employee_id: string;
  app_id: string;
  action: string;
  at: Date;
  external_id: string | null;
  group_name: string | null;
}

/**
 * Who had access to what at a moment, derived only from the recorded steps
 * that succeeded: an account is active from its last create/enable until a
 * disable/delete; a group counts when its last change was an add.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async at(query: AccessQueryDto): Promise<AccessAtTime> {
    const at = new Date(query.at);
    const accounts = await this.lastSteps(query, at, 'account');
    const groups = await this.lastSteps(query, at, 'group');
    const key = (step: Pick<LastStep, 'employee_id' | 'app_id'>) => `${step.employee_id}\u0000${step.app_id}`;
    const groupsByAccount = new Map<string, string[]>();
    for (const step of groups) {
      if (step.action !== 'group.add' || step.group_name === null) continue;
      groupsByAccount.set(key(step), [...(groupsByAccount.get(key(step)) ?? []), step.group_name]);
    }
    return {
      at: at.toISOString(),
      ...(query.appId !== undefined ? { appId: query.appId } : {}),
      ...(query.employeeId !== undefined ? { employeeId: query.employeeId } : {}),
      accounts: accounts
        .filter((step) => isActivating(step.action))
        .map((step) => ({
          employeeId: step.employee_id,
          appId: step.app_id,
          externalId: step.external_id,
          activeSince: step.at.toISOString(),
          groups: (groupsByAccount.get(key(step)) ?? []).sort(),
        })),
    };
  }

  /** The last succeeded step per account (or per account and group) at or before the moment. */
  private lastSteps(query: AccessQueryDto, at: Date, of: 'account' | 'group'): Promise<LastStep[]> {
    const params: unknown[] = [at.toISOString()];
    const scope: string[] = [];
    if (query.appId !== undefined) scope.push(`app_id = $${params.push(query.appId)}`);
    if (query.employeeId !== undefined) scope.push(`employee_id = $${params.push(query.employeeId)}`);
    const actions =
      of === 'account'
        ? `action = ANY($${params.push(ACCOUNT_STATE_ACTIONS)}::text[])`
        : `action IN ('group.add', 'group.remove') AND group_name IS NOT NULL`;
    const distinct = of === 'account' ? 'employee_id, app_id' : 'employee_id, app_id, group_name';
    return this.dataSource.query(
      `SELECT DISTINCT ON (${distinct}) employee_id, app_id, action, at, external_id, group_name
       FROM audit_events
       WHERE kind = 'outcome' AND outcome = 'succeeded' AND at <= $1 AND ${scope.join(' AND ')} AND ${actions}
       ORDER BY ${distinct}, at DESC, seq DESC`,
      params,
    );
  }
}
