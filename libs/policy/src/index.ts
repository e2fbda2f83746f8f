export * from './policy-config';
export * from './evaluate-policy';
export * from './load-tenure-config';
