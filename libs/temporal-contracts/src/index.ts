export * from './employee-lifecycle';
export * from './lifecycle-plan';
export * from './lifecycle-run';
export * from './mass-change';
export * from './access-review';
