export * from './policy-config';
export * from './evaluate-policy';
export * from './load-tenure-config';
export * from './lifecycle-settings';
export * from './entitlement-diff';
export * from './role-support';
export * from './mass-change-settings';
export * from './sod';
export { DURATION, DURATION_MESSAGE } from './durations';
