export * from './employee-lifecycle';
