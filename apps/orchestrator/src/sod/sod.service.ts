import { randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@tenure/auth';
import type { GovernanceRecordMessage } from '@tenure/contracts';
import {
  entitlementRefs,
  HeldAccess,
  SodRule,
  SodViolation,
  sodViolations,
  violationsAdded,
  worstSeverity,
} from '@tenure/policy';
import { MANAGED_STATES, peoplePages } from '../identity/people-pages';
import { GovernancePublisher } from './governance.publisher';
import { HeldAccessReader, heldAccessOf } from './held-access.reader';

export interface PersonViolation extends SodViolation {
  employeeId: string;
}

/** What an access request may go on with: the extra approvers a `medium` rule asks for, and the checked violations. */
export interface RequestClearance {
  checkId: string;
  violations: SodViolation[];
  approvers: string[];
  justification?: string;
  outcome: 'allowed' | 'needs_approval';
}

export interface RequestedAccess {
  appId: string;
  groups: string[];
  roles: string[];
  justification?: string;
}

/** Separation of duties: checks grants before they happen and lists who is in violation now. */
@Injectable()
export class SodService {
  constructor(
    private readonly rules: SodRule[],
    private readonly held: HeldAccessReader,
    private readonly records: GovernancePublisher,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  get configured(): SodRule[] {
    return this.rules;
  }

  /**
   * Before an access request is made: a `high` rule refuses it (409), a
   * `medium` one needs a justification and its approver; every check is
   * recorded in the audit trail with what it found.
   */
  async clearRequest(
    employeeId: string,
    requested: RequestedAccess,
    requester: Principal,
  ): Promise<{ clearance: RequestClearance; recordFor: (requestId: string) => GovernanceRecordMessage }> {
    const access = (await this.held.accessOf([employeeId])).get(employeeId);
    const held = access ? heldAccessOf(access) : [];
    const violations = violationsAdded(this.rules, held, [requested]);
    const severity = worstSeverity(violations);
    const checkId = `sod-check-${randomUUID()}`;
    const record = (outcome: string, reason?: string, subjectId = checkId): GovernanceRecordMessage => ({
      recordId: checkId,
      kind: 'sod',
      at: new Date().toISOString(),
      action: 'sod.check',
      employeeId,
      appId: requested.appId,
      subjectId,
      actor: requester.kind === 'person' ? 'operator' : 'system',
      actorId: requester.actorId,
      outcome,
      ...(violations[0]
        ? {
            rule: violations
              .map((v) => v.rule)
              .join(',')
              .slice(0, 128),
          }
        : {}),
      ...(reason ? { reason } : {}),
      details: {
        check: 'access_request',
        requested: { appId: requested.appId, groups: requested.groups, roles: requested.roles },
        violations,
      },
    });
    if (severity === 'high') {
      const names = violations.filter((v) => v.severity === 'high').map((v) => v.rule);
      const message = `this access would break separation of duties (${names.join(', ')}): it is refused`;
      await this.records.publish(record('refused', message));
      throw new ConflictException({ error: 'sod_violation', message, violations });
    }
    if (severity === 'medium' && !requested.justification) {
      throw new BadRequestException({
        errors: [
          {
            field: 'justification',
            message: `this access conflicts with ${violations.map((v) => v.rule).join(', ')}: give a justification, and the rule's approver decides as well`,
          },
        ],
      });
    }
    const approvers = [...new Set(violations.filter((v) => v.severity === 'medium').map((v) => v.approver as string))];
    const outcome = approvers.length > 0 ? 'needs_approval' : 'allowed';
    const clearance: RequestClearance = {
      checkId,
      violations,
      approvers,
      outcome,
      ...(requested.justification ? { justification: requested.justification } : {}),
    };
    // Recorded once the request exists, under its id: a request the workflow refused leaves no check behind.
    return { clearance, recordFor: (requestId) => record(outcome, requested.justification, requestId) };
  }

  /** Publishes a check's record (see clearRequest). */
  record(message: GovernanceRecordMessage): Promise<void> {
    return this.records.publish(message);
  }

  /**
   * The violations a birthright plan's entitlements would bring, with what
   * the person was granted beyond birthright. Recorded when there are any.
   */
  async checkBirthright(
    employeeId: string,
    entitlements: HeldAccess[],
    subject: { subjectId: string; workflowId?: string },
  ): Promise<SodViolation[]> {
    const access = (await this.held.accessOf([employeeId])).get(employeeId);
    const before = access ? heldAccessOf(access) : [];
    const granted = access ? access.granted.map((r) => ({ appId: r.appId, groups: r.groups, roles: r.roles })) : [];
    const heldBefore = entitlementRefs(before);
    // What the person holds once the phase commits: the new birthright, and what was granted beyond it.
    const violations = sodViolations(this.rules, [...entitlements, ...granted]).filter((violation) =>
      violation.entitlements.some((ref) => !heldBefore.has(ref)),
    );
    if (violations.length > 0) {
      await this.records.publish({
        recordId: `sod-birthright/${subject.subjectId}`,
        kind: 'sod',
        at: new Date().toISOString(),
        action: 'sod.check',
        employeeId,
        subjectId: subject.subjectId,
        ...(subject.workflowId ? { workflowId: subject.workflowId } : {}),
        actor: 'system',
        outcome: 'violation',
        rule: violations
          .map((v) => v.rule)
          .join(',')
          .slice(0, 128),
        details: { check: 'birthright_plan', violations },
      });
    }
    return violations;
  }

  /** Everyone Tenure manages who breaks a rule now (optionally narrowed to some people). */
  async violations(employeeIds?: string[]): Promise<PersonViolation[]> {
    const found: PersonViolation[] = [];
    if (this.rules.length === 0) return found;
    for await (const page of peoplePages(this.dataSource, MANAGED_STATES, employeeIds)) {
      const access = await this.held.accessOf(page.map((person) => person.employeeId));
      for (const person of access.values()) {
        for (const violation of sodViolations(this.rules, heldAccessOf(person))) {
          found.push({ employeeId: person.employeeId, ...violation });
        }
      }
    }
    return found;
  }
}
