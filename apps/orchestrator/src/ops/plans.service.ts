import { BadRequestException, Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { LifecycleEvent } from '@tenure/domain';
import type { LifecyclePlan } from '@tenure/temporal-contracts';
import { GatewayError } from '../gateway/connector-gateway.client';
import { decidePlan } from '../lifecycle/decision-rules';
import { PlannerService } from '../lifecycle/planning/planner.service';
import { UnplannableEventError } from '../lifecycle/planning/unplannable-event.error';
import { PLANNER } from '../lifecycle/lifecycle.tokens';
import { PlanRequestDto } from './dto/plan-request.dto';

/**
 * One person's plan never waits for approval by itself: only the org-wide
 * mass-change guard holds runs, when their removals fall due.
 */
export type PlanResponse = LifecyclePlan & { decision: 'planned' | 'scheduled' };

/** Plans an event with the same code the workflow runs, and changes nothing. */
@Injectable()
export class PlansService {
  constructor(@Inject(PLANNER) private readonly planner: PlannerService) {}

  async plan(body: PlanRequestDto): Promise<PlanResponse> {
    const now = new Date().toISOString();
    const event: LifecycleEvent = {
      eventId: body.eventId,
      source: 'plan',
      type: body.type,
      effectiveAt: body.effectiveAt ?? now,
      receivedAt: now,
      employee: { ...body.employee },
      ...(body.immediate !== undefined ? { immediate: body.immediate } : {}),
    };
    let plan: LifecyclePlan;
    try {
      plan = await this.planner.plan({ kind: 'event', event, origin: 'hr' }, now);
    } catch (error) {
      if (error instanceof GatewayError) {
        throw new ServiceUnavailableException({
          error: 'unavailable',
          message: 'app capabilities unavailable: the connector gateway did not answer',
        });
      }
      if (error instanceof UnplannableEventError) {
        throw new BadRequestException({ errors: [{ field: error.field ?? '', message: error.message }] });
      }
      throw error;
    }
    // The workflow's own rule, for a run decided today (no per-event limit: only the org-wide guard holds runs).
    const { decision } = decidePlan(plan, now, Date.parse(now));
    return { decision: decision === 'scheduled' ? 'scheduled' : 'planned', ...plan };
  }
}
