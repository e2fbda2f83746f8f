export * from './health.controller';
export * from './validation.pipe';
export * from './http-error.filter';
export * from './bootstrap';
