import type { OpenApiOptions } from '@tenure/http';

export const ORCHESTRATOR_OPENAPI: OpenApiOptions = {
  title: 'Tenure ops API (orchestrator)',
  description:
    'People, runs, plans, approvals, access requests, policy previews and rollouts, mass-change batches and ' +
    'reconciliations. People sign in with OpenID Connect; scripts use TENURE_OPS_TOKEN.',
  stateConflict:
    'The run, request, batch or rollout is not in a state that allows this (already decided, not waiting, not failed).',
};
