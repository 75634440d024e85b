/** The PostgreSQL backend lives in ./postgres/; openStore loads it through this module. */
export { openPostgresStore } from './postgres/postgres-store.js';
