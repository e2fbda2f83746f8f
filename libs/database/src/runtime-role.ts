import { DataSource } from 'typeorm';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** The login role of a postgres:// URL. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Gives the service's own role what it needs in its schema and nothing more:
 * read and write on its tables, except the append-only ones, which it may
 * only read and add to. Run as the owner after migrations, on every start, so
 * tables a new migration creates are covered too. The role never owns a
 * table, so it cannot alter, drop or truncate one, nor disable its triggers.
 */
export async function grantRuntimeRole(
  owner: DataSource,
  schema: string,
  role: string,
  appendOnlyTables: readonly string[] = [],
): Promise<void> {
  for (const name of [schema, role]) {
    if (!IDENTIFIER.test(name)) throw new Error(`invalid database identifier ${name}`);
  }
  await owner.query(`GRANT USAGE ON SCHEMA "${schema}" TO "${role}"`);
  const tables: { name: string }[] = await owner.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = $1 AND tablename <> 'migrations'`,
    [schema],
  );
  for (const { name } of tables) {
    const privileges = appendOnlyTables.includes(name) ? 'SELECT, INSERT' : 'SELECT, INSERT, UPDATE, DELETE';
    await owner.query(`GRANT ${privileges} ON "${schema}"."${name}" TO "${role}"`);
  }
  await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "${schema}" TO "${role}"`);
}
