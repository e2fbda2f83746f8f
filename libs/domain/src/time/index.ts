export * from './rfc3339';
export * from './zoned-time';
