export * from './health.controller';
export * from './validation.pipe';
export * from './http-error.filter';
export * from './bootstrap';
export * from './json-body-parser';
