export * from './load-environment';
export * from './environment-groups';
export * from './yaml-config';
export * from './apps/apps-config';
export * from './environment.token';
export * from './secret-files';
