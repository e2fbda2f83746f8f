import { Client } from 'pg';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

export interface ServiceDatabaseSettings {
  url: string;
  /** Each service owns one schema; its migrations table lives there too. */
  schema: string;
  entities: PostgresConnectionOptions['entities'];
  migrations: PostgresConnectionOptions['migrations'];
  poolSize?: number;
  /** The owner's URL, for migrations; `url` is then the service's own role. */
  migrationUrl?: string;
  /** Tables the service's role may read and add to, never change. */
  appendOnlyTables?: readonly string[];
}

export function postgresOptions(settings: ServiceDatabaseSettings): PostgresConnectionOptions {
  return {
    type: 'postgres',
    url: settings.url,
    schema: settings.schema,
    entities: settings.entities,
    migrations: settings.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: true,
    synchronize: false,
    // Failed queries surface as exceptions, logged by whoever handles them; TypeORM's own logger would print to stdout.
    logging: false,
    // Unqualified names in migrations and queries resolve to the service's own schema.
    extra: { max: settings.poolSize ?? 10, options: `-c search_path=${settings.schema}` },
  };
}

/** TypeORM keeps its migrations table inside the schema, so the schema must exist before migrations run. */
export async function ensureSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } finally {
    await client.end();
  }
}
