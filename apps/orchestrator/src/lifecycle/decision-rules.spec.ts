import type { LifecyclePlan, PlanPhase } from '@tenure/temporal-contracts';
import {
  admission,
  CountedRemoval,
  decidePlan,
  maxPeopleLosingAccess,
  removalsOf,
  rolloutDecision,
  timingOf,
} from './decision-rules';

const NOW = '2026-06-01T09:00:00.000Z';
const NOW_MS = Date.parse(NOW);

type PlanShape = Pick<LifecyclePlan, 'phases' | 'blastRadius'>;
const phase = (at: string, changes: unknown[] = []) => ({ name: 'main', at, changes }) as unknown as PlanPhase;
const plan = (phases: PlanPhase[], blastRadius: PlanShape['blastRadius'] = { accounts: 0 }): PlanShape => ({
  phases,
  blastRadius,
});

describe('decidePlan', () => {
  it('plans a change whose first phase is due now or already past', () => {
    expect(decidePlan(plan([phase(NOW)]), NOW, NOW_MS)).toEqual({ decision: 'planned', runAt: NOW });
    expect(decidePlan(plan([phase('2026-05-01T00:00:00.000Z')]), NOW, NOW_MS).decision).toBe('planned');
  });

  it('schedules a change whose first phase lies ahead, at that moment', () => {
    const later = '2026-06-15T00:00:00.000Z';
    expect(decidePlan(plan([phase(later), phase('2026-07-01T00:00:00.000Z')]), NOW, NOW_MS)).toEqual({
      decision: 'scheduled',
      runAt: later,
    });
  });

  it('runs a plan with nothing to do now', () => {
    expect(decidePlan(plan([]), NOW, NOW_MS)).toEqual({ decision: 'planned', runAt: NOW });
  });

  it('never holds a plan for its account count unless the old per-event limit applies', () => {
    const big = plan([phase(NOW)], { accounts: 40, limit: 25 });
    expect(decidePlan(big, NOW, NOW_MS).decision).toBe('planned');
    expect(decidePlan(big, NOW, NOW_MS, { perEventLimit: true })).toEqual({
      decision: 'waiting_approval',
      runAt: NOW,
      reason: 'would disable or delete 40 accounts (limit 25)',
    });
  });

  it('lets a plan at the per-event limit, or without one, through', () => {
    expect(
      decidePlan(plan([phase(NOW)], { accounts: 25, limit: 25 }), NOW, NOW_MS, { perEventLimit: true }).decision,
    ).toBe('planned');
    expect(decidePlan(plan([phase(NOW)], { accounts: 900 }), NOW, NOW_MS, { perEventLimit: true }).decision).toBe(
      'planned',
    );
  });
});

describe('timingOf', () => {
  it('treats a moment it cannot read as now', () => {
    expect(timingOf(undefined, NOW_MS)).toBe('planned');
    expect(timingOf('not a date', NOW_MS)).toBe('planned');
  });
});

describe('removalsOf', () => {
  it('counts only the supported disables and deletes of a phase', () => {
    const changes = [
      { appId: 'slack', change: 'disable', support: 'supported' },
      { appId: 'github', change: 'delete', support: 'supported' },
      { appId: 'jira', change: 'disable', support: 'manual' },
      { appId: 'okta', change: 'create', support: 'supported' },
      { appId: 'zoom', change: 'revoke_sessions', support: 'supported' },
    ];
    expect(removalsOf(phase(NOW, changes))).toEqual([
      { appId: 'slack', change: 'disable' },
      { appId: 'github', change: 'delete' },
    ]);
  });
});

describe('mass-change limits', () => {
  const leaver = (employeeId: string): CountedRemoval => ({ employeeId, disables: true, deletes: false });
  const limits = { window: '15m', maxPeople: 2, maxPeopleDeleted: 1 };

  it('lowers the people limit to a share of the active people, never below one', () => {
    expect(maxPeopleLosingAccess({ maxPeople: 50 }, 10)).toBe(50);
    expect(maxPeopleLosingAccess({ maxPeople: 50, maxPercent: 10 }, 200)).toBe(20);
    expect(maxPeopleLosingAccess({ maxPeople: 50, maxPercent: 10 }, 3)).toBe(1);
  });

  it('holds the guard and a rollout at the same count: over the limit, not at it', () => {
    expect(admission([leaver('a')], leaver('b'), limits)).toEqual({ admit: true });
    expect(rolloutDecision(2, 2)).toBe('applying');
    expect(admission([leaver('a'), leaver('b')], leaver('c'), limits)).toEqual({
      admit: false,
      reason: '3 people would lose access within 15m (limit 2)',
    });
    expect(rolloutDecision(3, 2)).toBe('waiting_approval');
  });

  it('counts a person once however many of their removals are already counted', () => {
    expect(admission([leaver('a'), leaver('a')], leaver('a'), limits)).toEqual({ admit: true });
  });
});
