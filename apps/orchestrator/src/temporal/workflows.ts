// The workflow bundle's entry point: every workflow the orchestrator's worker runs.
export { employeeLifecycleWorkflow } from '../lifecycle/workflow/employee-lifecycle.workflow';
export { reconciliationWorkflow } from '../reconciliation/reconciliation.workflow';
export { accessReviewCampaignWorkflow } from '../reviews/access-review.workflow';
