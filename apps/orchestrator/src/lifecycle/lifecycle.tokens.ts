/** The lifecycle activities the orchestrator's worker registers. */
export const LIFECYCLE_ACTIVITIES = Symbol('LIFECYCLE_ACTIVITIES');
/** The planner: one per service, shared by the workflow's activities and the plan previews. */
export const PLANNER = Symbol('PLANNER');
