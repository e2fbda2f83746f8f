// Temporal work per person: activities (and local activities), workflow tasks,
// counted in the person's workflow history for the part after a signal.
import { Connection, Client } from '@temporalio/client';

let client;
async function temporal() {
  if (!client) {
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE });
  }
  return client;
}

function count(events) {
  const totals = { activities: 0, localActivities: 0, workflowTasks: 0 };
  for (const event of events) {
    if (event.activityTaskScheduledEventAttributes) totals.activities++;
    else if (/local.?activity/i.test(event.markerRecordedEventAttributes?.markerName ?? '')) totals.localActivities++;
    else if (event.workflowTaskCompletedEventAttributes) totals.workflowTasks++;
  }
  return totals;
}

/**
 * Splits the history of employee-<id> where the termination arrived: what the
 * hire cost, what the leaver cost. A hire either started the workflow as its
 * input (an eager start) or came as its first signal; the termination is the
 * signal after it.
 */
export async function workPerEvent(employeeId) {
  const history = await (await temporal()).workflow.getHandle(`employee-${employeeId}`).fetchHistory();
  const events = history.events ?? [];
  const signals = events.flatMap((event, index) => (event.workflowExecutionSignaledEventAttributes ? [index] : []));
  const input = events[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0]?.data;
  const startedWithHire = (JSON.parse(Buffer.from(input ?? []).toString() || '{}').pendingEvents?.length ?? 0) > 0;
  const split = signals[startedWithHire ? 0 : 1] ?? events.length;
  return { hire: count(events.slice(0, split)), leaver: count(events.slice(split)) };
}

export async function averageWork(employeeIds) {
  const sums = { hire: {}, leaver: {} };
  for (const id of employeeIds) {
    const work = await workPerEvent(id);
    for (const part of ['hire', 'leaver'])
      for (const [key, value] of Object.entries(work[part])) sums[part][key] = (sums[part][key] ?? 0) + value;
  }
  const average = (part) =>
    Object.fromEntries(Object.entries(sums[part]).map(([key, value]) => [key, value / employeeIds.length]));
  return { hire: average('hire'), leaver: average('leaver') };
}

export async function closeTemporal() {
  await client?.connection.close();
}
