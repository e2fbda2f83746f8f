export * from './kafka-client';
export * from './kafka-publisher';
export * from './prefixed-kafka.server';
export * from './microservice-options';
export * from './dead-letter.publisher';
export * from './consume-validated';
export * from './contract-consumer';
export * from './unprocessable-message.error';
