import type { Client } from '@temporalio/client';
import type { ReadinessCheck } from '@tenure/http';

/** The Temporal frontend answers over the orchestrator's own connection: runs, retries and approvals all go through it. */
export function temporalReadiness(client: Client): ReadinessCheck {
  return {
    name: 'temporal',
    essential: true,
    check: async () => {
      await client.connection.withDeadline(Date.now() + 1_500, () => client.workflowService.getSystemInfo({}));
    },
  };
}
