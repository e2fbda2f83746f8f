export * from './health/health.controller';
export * from './health/readiness';
export * from './validation.pipe';
export * from './http-error.filter';
export * from './bootstrap';
export * from './json-body-parser';
export * from './metrics/metrics.module';
export * from './metrics/metrics-token.guard';
