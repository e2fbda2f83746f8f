export * from './test-stack';
export * from './wait-for';
export * from './signed-webhook';
export * from './kafka-topics';
export * from './free-port';
export * from './tcp-proxy';
export * from './oidc-sign-in';
