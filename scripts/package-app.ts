/**
 * Builds the Teams app package build/appPackage.zip from manifest/ (`npm run package`).
 *
 * The ids come from the environment: TEAMS_APP_ID (a GUID you choose once), BOT_ID (or else MicrosoftAppId: the
 * bot's Entra app id) and BOT_DOMAIN (the messaging endpoint's host name). `npm run package -- --dev` makes up the
 * missing ones (random GUIDs, localhost) for a local dry run; such a package cannot talk to a real bot.
 * Everything is validated offline against the schemas shipped in @microsoft/app-manifest; an invalid package is
 * not written and the script exits with 1 and the list of problems.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildAppPackage } from './lib/app-package.js';

const { values: args } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    out: { type: 'string', default: fileURLToPath(new URL('../build/appPackage.zip', import.meta.url)) },
  },
});

// Scripts are entry points like src/index.ts: the environment is read here and passed in.
const result = await buildAppPackage({ env: process.env, dev: args.dev === true });
if (!result.ok) {
  console.error('The app package was not built:');
  for (const error of result.errors) console.error(`  - ${error}`);
  process.exit(1);
}

const out = resolve(args.out!);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, result.value.zip);
console.log(`Wrote ${out} (${result.value.fileNames.join(', ')})`);
console.log(`  TEAMS_APP_ID=${result.value.values.TEAMS_APP_ID}`);
console.log(`  BOT_ID=${result.value.values.BOT_ID}`);
console.log(`  BOT_DOMAIN=${result.value.values.BOT_DOMAIN}`);
if (result.value.generated.length > 0) {
  console.warn(`--dev: made up ${result.value.generated.join(', ')}; this package is for a dry run, not for Teams.`);
}
