export * from './constant-time';
export * from './bearer-token.guard';
export * from './bearer-guard.provider';
export * from './role-token.guard';
export * from './role-guard.provider';
