import hub from './001-hub.ts';
import city from './002-city.ts';

/** The hub's migrations in order (PostgreSQL); the hub records the applied count in `hub_schema`. */
export const hubMigrations: readonly string[] = [hub, city];
