/** Metadata naming the HR source an endpoint serves (rate limits are per source). */
export const INGEST_SOURCE_KEY = 'tenure:ingest-source';
