export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
export const LIFECYCLE_ACTIVITIES = Symbol('LIFECYCLE_ACTIVITIES');
export const PLANNER = Symbol('PLANNER');
