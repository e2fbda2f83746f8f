// Plain types, constants and functions only (no Node built-ins): the Temporal workflow sandbox loads this library.
export * from './employee';
export * from './account';
export * from './time';
