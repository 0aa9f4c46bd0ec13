/**
 * `npm run kb:check [dir] [--sources <dir> | --no-sources]`: validates the knowledge files (default: the
 * configured KNOWLEDGE_DIR) and that every quote occurs in its source document (default: the documents
 * in `<dir>/sources`). Prints each problem on its own line and exits 1, or prints the warnings (valid but
 * likely not meant, e.g. a calendar's meeting that recurs without end) and the counts per kind and exits 0.
 */
import { existsSync } from 'node:fs';
import { loadConfig } from '../src/config/env.js';
import { KNOWLEDGE_KINDS } from '../src/knowledge/schemas.js';
import { defaultSourcesDir, formatKnowledgeError, loadKnowledge, quoteErrors } from '../src/knowledge/load-knowledge.js';
import { runMain } from './lib/run-main.js';

const USAGE = 'usage: kb-check [dir] [--sources <dir> | --no-sources]';

interface Args {
  readonly dir?: string;
  /** The source documents' folder, `false` for no quote check, undefined for `<dir>/sources`. */
  readonly sources?: string | false;
}

function parseArgs(argv: readonly string[]): Args | string {
  let dir: string | undefined;
  let sources: string | false | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--sources') {
      sources = argv[++i];
      if (sources === undefined) return '--sources needs a folder, e.g. --sources data/sources';
    } else if (arg === '--no-sources') {
      sources = false;
    } else if (arg.startsWith('--')) {
      return `unknown option ${arg}; ${USAGE}`;
    } else if (dir === undefined) {
      dir = arg;
    } else {
      return `more than one knowledge folder given (${dir}, ${arg}); ${USAGE}`;
    }
  }
  return { ...(dir !== undefined && { dir }), ...(sources !== undefined && { sources }) };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(`kb-check: ${args}`);
    return 2;
  }
  const dir = args.dir ?? loadConfig().knowledgeDir;
  const result = await loadKnowledge(dir);
  if (!result.ok) {
    for (const error of result.errors) console.error(formatKnowledgeError(error));
    console.error(`kb-check: ${result.errors.length} problem(s) in ${dir}`);
    return 1;
  }
  const { kb } = result;
  // Valid, but likely not meant: printed, without failing the check.
  for (const warning of result.warnings) console.error(`warning: ${formatKnowledgeError(warning)}`);

  const sources = args.sources ?? defaultSourcesDir(dir);
  if (sources !== false) {
    if (!existsSync(sources)) {
      console.error(
        `knowledge: ${sources}: the source documents folder is missing (fix: put the documents the knowledge files cite there, one file per document named by its id, or give --sources <dir>; --no-sources skips the quote check)`,
      );
      return 1;
    }
    const problems = await quoteErrors(kb, sources);
    for (const problem of problems) console.error(formatKnowledgeError(problem));
    if (problems.length > 0) {
      console.error(`kb-check: ${problems.length} quote problem(s) against ${sources}`);
      return 1;
    }
  }

  console.log(`knowledge: OK: ${result.files.length} file(s) in ${dir}${sources !== false ? `, every quote found in ${sources}` : ''}`);
  for (const kind of KNOWLEDGE_KINDS) console.log(`  ${kind}: ${kb.data[kind].length}`);
  return 0;
}

runMain(main);
