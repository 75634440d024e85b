/** The PostgreSQL backend (issue 6) lives in ./postgres/; openStore loads it through this module. */
export { openPostgresStore } from './postgres/postgres-store.js';
