export * from './topics';
export * from './employee.dto';
export * from './lifecycle-event-body';
export * from './hr-lifecycle-event.message';
export * from './lifecycle-outcome.message';
export * from './validate-payload';
