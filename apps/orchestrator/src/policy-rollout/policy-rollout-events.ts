const PREFIX = 'policy-';
/** Rollout ids are policy fingerprints: 32 hex digits. */
const ROLLOUT_EVENT = /^policy-([0-9a-f]{32})-/;

/** The re-plan event of one person in one rollout: fixed, so a resumed rollout re-plans no one twice. */
export function rolloutEventId(rolloutId: string, employeeId: string): string {
  return `${PREFIX}${rolloutId}-${employeeId}`;
}

/** The rollout a re-plan event belongs to. */
export function rolloutIdOfEvent(eventId: string): string | undefined {
  return ROLLOUT_EVENT.exec(eventId)?.[1];
}
