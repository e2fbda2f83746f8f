export * from './sod-config';
export * from './evaluate-sod';
export * from './load-sod-config';
