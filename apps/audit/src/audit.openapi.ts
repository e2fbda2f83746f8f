import type { OpenApiOptions } from '@tenure/http';

export const AUDIT_OPENAPI: OpenApiOptions = {
  title: 'Tenure audit API',
  description:
    'The append-only, hash-chained audit record: queries, exports, access at a point in time, time to ' +
    'deprovision, evidence bundles and chain verification.',
};
