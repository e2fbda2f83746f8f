import type { ReadinessCheck } from '@tenure/http';
import type { DataSource } from 'typeorm';

/** The service's PostgreSQL answers a query through its own pool. */
export function databaseReadiness(dataSource: DataSource): ReadinessCheck {
  return {
    name: 'database',
    essential: true,
    check: async () => {
      await dataSource.query('SELECT 1');
    },
  };
}
