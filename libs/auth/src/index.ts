export * from './constant-time';
export * from './bearer-token.guard';
export * from './bearer-guard.provider';
