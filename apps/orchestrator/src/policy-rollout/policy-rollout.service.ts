import { ConflictException, Injectable, Logger, NotFoundException, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { LifecycleEvent } from '@tenure/domain';
import { diffEntitlements, evaluatePolicy, TenureConfig } from '@tenure/policy';
import { EntitlementEntity } from '../identity/entitlement.entity';
import { peoplePages } from '../identity/people-pages';
import type { PersonEntity } from '../identity/person.entity';
import { rolloutDecision } from '../lifecycle/decision-rules';
import { LifecycleDispatcherService } from '../lifecycle/lifecycle-dispatcher.service';
import { massChangeLimits } from '../mass-change/mass-change-limits';
import { rolloutEventId } from './policy-rollout-events';
import { policyFingerprint } from './policy-fingerprint';
import { PolicyRolloutEntity, RolloutStatus } from './policy-rollout.entity';

/** People whose access a policy change re-plans: those who currently hold it. */
const HOLDING_ACCESS = ['active', 'on_leave'] as const;
const DISPATCH_CONCURRENCY = 8;

interface Affected {
  people: PersonEntity[];
  peopleLosingAccess: number;
  accountsDisabled: number;
  activePeople: number;
}

/**
 * Applies a changed policy.yaml to everyone it affects, not only to people
 * whose next HR event happens to come along. At start the orchestrator
 * fingerprints the rules; a version not seen before is a rollout: every person
 * whose stored entitlements differ from what the rules now grant gets a
 * re-plan (a `change` event with their current attributes, so the mover plan
 * grants and revokes the difference). A rollout that would take access from
 * more people than the mass-change limit waits, as one batch, for an operator.
 */
@Injectable()
export class PolicyRolloutService implements OnApplicationBootstrap {
  private readonly logger = new Logger(PolicyRolloutService.name);

  constructor(
    private readonly config: TenureConfig,
    private readonly dataSource: DataSource,
    private readonly dispatcher: LifecycleDispatcherService,
  ) {}

  onApplicationBootstrap(): void {
    // In the background: a large company must not hold up the service's start.
    this.rollOutCurrentPolicy().catch((error: Error) =>
      this.logger.error(`policy rollout failed: ${error.message}; it is tried again at the next start`),
    );
  }

  async rollOutCurrentPolicy(): Promise<PolicyRolloutEntity> {
    const rolloutId = policyFingerprint(this.config.policy);
    const known = await this.rollouts().findOneBy({ rolloutId });
    if (known && known.status !== 'applying') return known;
    const affected = await this.affected();
    const limit = massChangeLimits(this.config.policy.lifecycle.massChange, affected.activePeople).maxPeople;
    const status: RolloutStatus = rolloutDecision(affected.peopleLosingAccess, limit);
    // Replicas starting together: the first insert wins, the others find it.
    await this.rollouts()
      .createQueryBuilder()
      .insert()
      .values({
        rolloutId,
        status,
        people: affected.people.length,
        peopleLosingAccess: affected.peopleLosingAccess,
        accountsDisabled: affected.accountsDisabled,
        maxPeople: limit,
        decidedBy: null,
      })
      .orIgnore()
      .execute();
    const rollout = await this.rollouts().findOneByOrFail({ rolloutId });
    if (rollout.status !== 'applying') {
      this.logger.warn(
        `policy ${rolloutId} would take access from ${rollout.peopleLosingAccess} people (limit ${limit}): waiting for approval`,
      );
      return rollout;
    }
    return this.apply(rollout, affected.people);
  }

  list(): Promise<PolicyRolloutEntity[]> {
    return this.rollouts().find({ order: { createdAt: 'DESC' }, take: 100 });
  }

  async approve(rolloutId: string, actor: string): Promise<PolicyRolloutEntity> {
    const rollout = await this.decide(rolloutId, 'applying', actor);
    return this.apply(rollout, (await this.affected()).people);
  }

  reject(rolloutId: string, actor: string): Promise<PolicyRolloutEntity> {
    return this.decide(rolloutId, 'rejected', actor);
  }

  /** Only the policy in force can be decided on; an older version's rollout is history. */
  private async decide(rolloutId: string, status: RolloutStatus, actor: string): Promise<PolicyRolloutEntity> {
    const result = await this.rollouts().update(
      { rolloutId, status: 'waiting_approval' },
      { status, decidedBy: actor },
    );
    if (result.affected === 1 && rolloutId === policyFingerprint(this.config.policy)) {
      return this.rollouts().findOneByOrFail({ rolloutId });
    }
    const rollout = await this.rollouts().findOneBy({ rolloutId });
    if (!rollout) throw new NotFoundException({ error: 'not_found', message: `no policy rollout ${rolloutId}` });
    throw new ConflictException({
      error: 'conflict',
      message: `policy rollout ${rolloutId} is ${rollout.status}, not waiting for approval in the policy in force`,
    });
  }

  private async apply(rollout: PolicyRolloutEntity, people: PersonEntity[]): Promise<PolicyRolloutEntity> {
    const receivedAt = new Date().toISOString();
    const queue = [...people];
    const worker = async () => {
      for (let person = queue.shift(); person; person = queue.shift()) {
        await this.dispatcher.dispatch(this.replan(rollout.rolloutId, person, receivedAt));
      }
    };
    await Promise.all(Array.from({ length: DISPATCH_CONCURRENCY }, worker));
    await this.rollouts().update({ rolloutId: rollout.rolloutId }, { status: 'applied' });
    this.logger.log(`policy ${rollout.rolloutId} applied: ${people.length} people re-planned`);
    return this.rollouts().findOneByOrFail({ rolloutId: rollout.rolloutId });
  }

  /** The event id is fixed per policy version and person, so a resumed rollout re-plans no one twice. */
  private replan(rolloutId: string, person: PersonEntity, receivedAt: string): LifecycleEvent {
    return {
      eventId: rolloutEventId(rolloutId, person.employeeId),
      source: 'policy',
      type: 'change',
      effectiveAt: receivedAt,
      receivedAt,
      employee: person.attributes,
    };
  }

  /** Who the rules in force treat differently from what the identity store says they hold. */
  private async affected(): Promise<Affected> {
    const result: Affected = { people: [], peopleLosingAccess: 0, accountsDisabled: 0, activePeople: 0 };
    for await (const page of peoplePages(this.dataSource, [...HOLDING_ACCESS])) {
      result.activePeople += page.length;
      const stored = await this.dataSource
        .getRepository(EntitlementEntity)
        .findBy({ employeeId: In(page.map((person) => person.employeeId)) });
      for (const person of page) {
        const held = stored.filter((entitlement) => entitlement.employeeId === person.employeeId);
        const diffs = diffEntitlements(held, evaluatePolicy(this.config.policy, person.attributes));
        if (diffs.length === 0) continue;
        result.people.push(person);
        const revoked = diffs.filter((diff) => diff.kind === 'revoke').length;
        result.accountsDisabled += revoked;
        if (revoked > 0) result.peopleLosingAccess += 1;
      }
    }
    return result;
  }

  private rollouts() {
    return this.dataSource.getRepository(PolicyRolloutEntity);
  }
}
