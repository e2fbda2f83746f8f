import { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ensureSchema, postgresOptions, ServiceDatabaseSettings } from './postgres-options';
import { grantRuntimeRole, roleOf } from './runtime-role';

/**
 * TypeORM for one service: its schema created if missing, its migrations run
 * at start. With a migration URL (the owner) distinct from the service's own
 * role, migrations and grants run as the owner and the service as itself.
 */
export function serviceDatabaseModule(settings: ServiceDatabaseSettings): DynamicModule {
  return TypeOrmModule.forRootAsync({
    useFactory: async () => {
      const migrationUrl = settings.migrationUrl;
      if (!migrationUrl || roleOf(migrationUrl) === roleOf(settings.url)) {
        await ensureSchema(settings.url, settings.schema);
        return postgresOptions(settings);
      }
      await migrateAsOwner({ ...settings, url: migrationUrl }, roleOf(settings.url));
      return { ...postgresOptions(settings), migrationsRun: false };
    },
  });
}

async function migrateAsOwner(owner: ServiceDatabaseSettings, runtimeRole: string): Promise<void> {
  await ensureSchema(owner.url, owner.schema);
  const dataSource = new DataSource({ ...postgresOptions({ ...owner, poolSize: 1 }), entities: [] });
  await dataSource.initialize();
  try {
    await grantRuntimeRole(dataSource, owner.schema, runtimeRole, owner.appendOnlyTables);
  } finally {
    await dataSource.destroy();
  }
}
