/**
 * `npm run kb:check [dir] [--sources <dir>]`: validates the knowledge files (default: the configured
 * KNOWLEDGE_DIR) and, with `--sources`, that every quote occurs in its source document. Prints each
 * problem on its own line and exits 1, or prints the counts per kind and exits 0.
 */
import path from 'node:path';
import { loadConfig } from '../src/config/env.js';
import { KNOWLEDGE_KINDS } from '../src/knowledge/schemas.js';
import { formatKnowledgeError, loadKnowledge } from '../src/knowledge/load-knowledge.js';
import { checkSourceQuotes, readSourceTexts } from '../src/knowledge/source-quotes.js';

interface Args {
  readonly dir?: string;
  readonly sources?: string;
}

function parseArgs(argv: readonly string[]): Args | string {
  let dir: string | undefined;
  let sources: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--sources') {
      sources = argv[++i];
      if (sources === undefined) return '--sources needs a folder, e.g. --sources ../shared/seeds';
    } else if (arg.startsWith('--')) {
      return `unknown option ${arg}; usage: kb-check [dir] [--sources <dir>]`;
    } else if (dir === undefined) {
      dir = arg;
    } else {
      return `more than one knowledge folder given (${dir}, ${arg}); usage: kb-check [dir] [--sources <dir>]`;
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

  if (args.sources !== undefined) {
    const { texts, problems: unreadable } = await readSourceTexts(kb, args.sources);
    const problems = [...unreadable, ...checkSourceQuotes(kb, texts)];
    for (const problem of problems) {
      const where = problem.item ? `${problem.item}: ${problem.path}: ` : '';
      const quote = problem.quote ? `: "${problem.quote}"` : '';
      console.error(`knowledge: ${path.join(args.sources, problem.doc)}: ${where}${problem.message}${quote}`);
    }
    if (problems.length > 0) {
      console.error(`kb-check: ${problems.length} quote problem(s) against ${args.sources}`);
      return 1;
    }
  }

  console.log(`knowledge: OK: ${result.files.length} file(s) in ${dir}${args.sources ? `, every quote found in ${args.sources}` : ''}`);
  for (const kind of KNOWLEDGE_KINDS) console.log(`  ${kind}: ${kb.data[kind].length}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
