// Plain types and constants only: the Temporal workflow sandbox loads this library.
export * from './employee';
export * from './account';
