export * from './test-stack';
export * from './wait-for';
export * from './signed-webhook';
export * from './kafka-topics';
export * from './tcp-proxy';
