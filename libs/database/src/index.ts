export * from './postgres-options';
