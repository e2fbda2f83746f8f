import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UnwatchedWorker } from '../unwatched-worker';
import { workflowBundle } from '../workflow-bundle';
import { historyFromFile } from './history-file';

const HISTORIES = join(__dirname, 'histories');

/** What the captured histories must cover: a deploy must never break a person's running workflow in any of these. */
const SCENARIOS = [
  'prepares-a-future-hire', // hire ahead of the start: prepare, then start
  'removes-what-was-prepared', // cancel_hire
  'moves-a-person', // mover with overlap
  'contractor-s-access-expire', // contractor expiry
  'terminates-at-the-local-effective-moment', // leaver: disable, sessions, data
  'terminates-at-once-when-the-event-says-immediate', // leaver with retention delete, and a rehire
  'suspends-access-for-a-leave', // leave start and end
  'holds-a-termination-that-would-disable-more-accounts', // run approval
  'grants-access-a-manager-approves', // access request approval and expiry
  'finishes-every-other-app-when-one-refuses', // operator retry
  'continues-as-new', // a continued-as-new run
  'reminds-the-reviewer-before-the-due-date-and-revokes-what-is-still-3', // granted access revoked by an access review
  'reminds-the-reviewer-before-the-due-date-and-revokes-what-is-still-4', // campaign: reminder, revoke at the due date
  'escalates-overdue-items', // campaign: escalation, closed early once decided
  'runs-a-recurring-campaign', // campaign: its next occurrence started as a child
];

/**
 * Replays workflow histories recorded by earlier versions of the workflow code
 * (see README, Tests) with today's bundle, the one the worker runs: a change
 * that would make a running workflow take a different path fails here.
 */
describe('employee lifecycle workflow: replaying recorded histories', () => {
  const files = readdirSync(HISTORIES)
    .filter((file) => file.endsWith('.json'))
    .sort();

  it('has histories of every lifecycle scenario', () => {
    const missing = SCENARIOS.filter((scenario) => !files.some((file) => file.includes(scenario)));
    expect(missing).toEqual([]);
  });

  it('replays every recorded history without a nondeterminism error', async () => {
    const histories = files.map((file) => ({
      workflowId: file,
      history: historyFromFile(readFileSync(join(HISTORIES, file), 'utf8')),
    }));
    const failures: { file: string; error: string }[] = [];
    let replayed = 0;
    for await (const result of UnwatchedWorker.runReplayHistories(
      { workflowBundle: await workflowBundle() },
      histories,
    )) {
      replayed += 1;
      if (result.error) failures.push({ file: result.workflowId, error: String(result.error) });
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(files.length);
  }, 120_000);
});
