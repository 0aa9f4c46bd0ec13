/**
 * `npm run state:migrate`: copies the file state folder (STATE_DIR) into the PostgreSQL database of DATABASE_URL,
 * migrating the schema first. Safe to run again (nothing is copied twice). Prints, per kind, the items in the files,
 * the items inserted now and the items found in the database; exits 1 when any item of the files is missing there.
 * Stop every bot instance first (STATE_DIR's lock and the schedule lease are taken).
 */
import { existsSync } from 'node:fs';
import { loadConfig } from '../src/config/env.js';
import { importFileState } from '../src/storage/postgres/import-files.js';

const config = loadConfig();
if (config.databaseUrl === undefined) {
  console.error('state:migrate: DATABASE_URL is not set; set it to the PostgreSQL database to copy STATE_DIR into');
  process.exit(1);
}
if (!existsSync(config.stateDir)) {
  console.error(`state:migrate: STATE_DIR ${config.stateDir} does not exist; point STATE_DIR at the bot's state folder`);
  process.exit(1);
}
const logger = {
  info: () => undefined,
  warn: (details: object, message: string) => console.warn(`warning: ${message}`, details),
  error: (details: object, message: string) => console.error(`error: ${message}`, details),
};
const report = await importFileState({ stateDir: config.stateDir, url: config.databaseUrl, logger });
console.log(`copied ${config.stateDir} into PostgreSQL`);
console.log('kind            in files  inserted now  in database');
for (const entry of report.counts) {
  console.log(`${entry.kind.padEnd(16)}${String(entry.inFiles).padStart(8)}${String(entry.inserted).padStart(14)}${String(entry.inDatabase).padStart(13)}`);
}
console.log(`outbox (queue and sent-log): ${report.outbox === 'copied' ? 'copied' : report.outbox === 'empty' ? 'nothing to copy' : 'the database already has one; kept it'}`);
if (!report.complete) {
  console.error('state:migrate: some items of the files are not in the database (see "in database" above)');
  process.exit(1);
}
console.log('check: every item of the files is in the database');
