export * from './data-errors';
export * from './postgres-options';
export * from './service-database.module';
export * from './database-readiness';
export * from './runtime-role';
