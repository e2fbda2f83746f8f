import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConfigFileError, parseYamlConfig } from '@tenure/config';
import {
  checkPolicyGrants,
  evaluatePolicy,
  PolicyConfig,
  POLICY_FILE,
  SodViolation,
  TenureConfig,
  violationsAdded,
} from '@tenure/policy';
import { MANAGED_STATES, peoplePages } from '../identity/people-pages';
import { maxPeopleLosingAccess, rolloutDecision } from '../lifecycle/decision-rules';
import { AccessDiff, diffAccess } from './access-diff';
import type { PolicyPreviewRequest } from './dto/policy-preview.request';

export interface PersonAccessChange extends AccessDiff {
  employeeId: string;
}

export interface PolicyPreview {
  /** People compared: everyone Tenure manages who has not left. */
  evaluated: number;
  affected: number;
  totals: {
    accountsGained: number;
    accountsLost: number;
    groupsGained: number;
    groupsLost: number;
    rolesGained: number;
    rolesLost: number;
  };
  people: PersonAccessChange[];
  /** True when more people are affected than `limit` lists. */
  truncated: boolean;
  /** Who the candidate's grants would put in violation of a separation-of-duties rule they do not break today. */
  sodViolations: (SodViolation & { employeeId: string })[];
  /**
   * What the rollout of this policy would do, by the rule rollouts apply:
   * `applying` at once, or `waiting_approval` as one batch when it takes
   * access from more people than the mass-change limit. Only for a preview of
   * everyone: a preview of some people cannot say how many the rollout touches.
   */
  rollout?: { peopleLosingAccess: number; maxPeople: number; decision: 'applying' | 'waiting_approval' };
}

/** The people a rollout counts against the limit: those who hold access today. */
const HOLDING_ACCESS = new Set(['active', 'on_leave']);

const DEFAULT_LIMIT = 1000;

/** Answers "if policy.yaml changed to this, who gains and who loses what", without changing anything. */
@Injectable()
export class PolicyPreviewService {
  constructor(
    private readonly config: TenureConfig,
    private readonly dataSource: DataSource,
  ) {}

  async preview(request: PolicyPreviewRequest): Promise<PolicyPreview> {
    const candidate = this.parse(request.policy);
    const limit = request.limit ?? DEFAULT_LIMIT;
    const result: PolicyPreview = {
      evaluated: 0,
      affected: 0,
      totals: { accountsGained: 0, accountsLost: 0, groupsGained: 0, groupsLost: 0, rolesGained: 0, rolesLost: 0 },
      people: [],
      truncated: false,
      sodViolations: [],
    };
    let [holdingAccess, losingAccess] = [0, 0];
    for await (const page of peoplePages(this.dataSource, MANAGED_STATES, request.employeeIds)) {
      for (const person of page) {
        result.evaluated += 1;
        if (HOLDING_ACCESS.has(person.state)) holdingAccess += 1;
        const [before, after] = [
          evaluatePolicy(this.config.policy, person.attributes),
          evaluatePolicy(candidate, person.attributes),
        ];
        const diff = diffAccess(before, after);
        for (const violation of violationsAdded(this.config.sod.rules, before, after)) {
          if (result.sodViolations.length < limit)
            result.sodViolations.push({ employeeId: person.employeeId, ...violation });
        }
        if (diff.gains.length === 0 && diff.losses.length === 0) continue;
        result.affected += 1;
        if (diff.losses.length > 0) losingAccess += 1;
        addToTotals(result.totals, diff);
        if (result.people.length < limit) result.people.push({ employeeId: person.employeeId, ...diff });
        else result.truncated = true;
      }
    }
    if (!request.employeeIds?.length) {
      const maxPeople = maxPeopleLosingAccess(candidate.lifecycle.massChange, holdingAccess);
      result.rollout = {
        peopleLosingAccess: losingAccess,
        maxPeople,
        decision: rolloutDecision(losingAccess, maxPeople),
      };
    }
    return result;
  }

  /**
   * The candidate is validated like the file itself, against the apps Tenure
   * connects. It is read without the environment: `${VAR}` in a submitted
   * policy must never echo a server secret back in the preview.
   */
  private parse(text: string): PolicyConfig {
    try {
      const policy = parseYamlConfig(POLICY_FILE, text, PolicyConfig, {});
      checkPolicyGrants(POLICY_FILE, policy, this.config.apps);
      return policy;
    } catch (error) {
      if (!(error instanceof ConfigFileError)) throw error;
      throw new BadRequestException({
        errors: error.problems.map(({ path, message }) => ({ field: path ? `policy.${path}` : 'policy', message })),
      });
    }
  }
}

function addToTotals(totals: PolicyPreview['totals'], diff: AccessDiff): void {
  for (const gain of diff.gains) {
    if (gain.account) totals.accountsGained += 1;
    totals.groupsGained += gain.groups.length;
    totals.rolesGained += gain.roles.length;
  }
  for (const loss of diff.losses) {
    if (loss.account) totals.accountsLost += 1;
    totals.groupsLost += loss.groups.length;
    totals.rolesLost += loss.roles.length;
  }
}
