import { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ensureSchema, postgresOptions, ServiceDatabaseSettings } from './postgres-options';

/** TypeORM for one service: its schema created if missing, its migrations run at start. */
export function serviceDatabaseModule(settings: ServiceDatabaseSettings): DynamicModule {
  return TypeOrmModule.forRootAsync({
    useFactory: async () => {
      await ensureSchema(settings.url, settings.schema);
      return postgresOptions(settings);
    },
  });
}
