/**
 * The project's layering rules (its style guide), enforced over every file in `src/` (parsed with the
 * TypeScript compiler, so multi-line, type-only, dynamic and `require` imports all count):
 * - the domain (answering, knowledge, tasks, reminders, messaging, storage, time) never imports the Teams stack
 *   (botbuilder, botframework-*, @microsoft/teams-ai, restify) nor the Teams layer, server or wiring;
 * - the domains (answering, knowledge, tasks, reminders, messaging, time) declare the store interfaces they
 *   need and import neither storage backend (src/storage, lowdb, pg); only src/main.ts picks one;
 * - the domains reach messaging only through its public surface (`src/messaging/index.ts`), and messaging,
 *   channel-neutral, imports none of the domains that use it;
 * - only src/teams, src/server and src/index.ts import the Teams stack;
 * - nothing outside src/config reads process.env;
 * - no runtime import cycles.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const DOMAIN = ['answering', 'knowledge', 'tasks', 'reminders', 'messaging', 'storage', 'time', 'org-chart', 'calendar', 'feedback'];
/** The domains that use messaging (by its index only) and that messaging must not know. */
const MESSAGING_USERS = ['answering', 'knowledge', 'tasks', 'reminders'];
const TEAMS_STACK = /^(botbuilder(-[\w-]+)?|botframework-[\w-]+|@microsoft\/teams-ai|restify)(\/.*)?$/;
const MAY_IMPORT_TEAMS_STACK = (file: string) => file.startsWith('teams/') || file.startsWith('server/') || file === 'index.ts';
const OUTER_LAYERS = ['teams', 'server', 'main.ts', 'index.ts'];
/** The domains proper: they know their store interfaces, never a backend. */
const STORE_USERS = ['answering', 'knowledge', 'tasks', 'reminders', 'messaging', 'time'];
const STORAGE_PACKAGES = /^(lowdb|pg|pg-[\w-]+|node-pg-migrate|pg-boss|postgres)(\/.*)?$/;

interface Import {
  readonly specifier: string;
  /** `import type`, `export type`, or an import whose every name is `type`: gone at run time. */
  readonly typeOnly: boolean;
}

interface SourceFacts {
  readonly imports: readonly Import[];
  /** Lines that read the environment (`process.env`, `process['env']`, `const { env } = process`). */
  readonly envReads: readonly number[];
}

/** Imports and environment reads of one TypeScript source text. */
export function analyse(fileName: string, text: string): SourceFacts {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const imports: Import[] = [];
  const envReads: number[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const isProcess = (node: ts.Node) => ts.isIdentifier(node) && node.text === 'process';
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const namedAllTypes =
        clause?.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly);
      imports.push({ specifier: node.moduleSpecifier.text, typeOnly: clause !== undefined && (clause.isTypeOnly || (clause.name === undefined && namedAllTypes)) });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      imports.push({ specifier: node.moduleReference.expression.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0]!)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
        imports.push({ specifier: (node.arguments[0] as ts.StringLiteralLike).text, typeOnly: false });
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      imports.push({ specifier: node.argument.literal.text, typeOnly: true });
    } else if (ts.isPropertyAccessExpression(node) && isProcess(node.expression) && node.name.text === 'env') {
      envReads.push(lineOf(node));
    } else if (ts.isElementAccessExpression(node) && isProcess(node.expression) && ts.isStringLiteralLike(node.argumentExpression) && node.argumentExpression.text === 'env') {
      envReads.push(lineOf(node));
    } else if (ts.isVariableDeclaration(node) && node.initializer && isProcess(node.initializer) && ts.isObjectBindingPattern(node.name)) {
      if (node.name.elements.some((e) => (e.propertyName ?? e.name).getText(source) === 'env')) envReads.push(lineOf(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, envReads };
}

async function sourceFiles(): Promise<Map<string, SourceFacts>> {
  const files = new Map<string, SourceFacts>();
  for (const entry of await readdir(SRC, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(SRC, full).split(path.sep).join('/');
    files.set(relative, analyse(relative, await readFile(full, 'utf8')));
  }
  return files;
}

/** The src-relative file a relative import points at (`.js` written for `.ts`), or undefined for packages. */
function resolve(from: string, specifier: string, known: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  for (const candidate of [base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}/index.ts`, base]) if (known.has(candidate)) return candidate;
  return base;
}

/** Every cycle found by a depth-first walk, as `a -> b -> a`. */
function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const walk = (file: string, trail: string[]) => {
    state.set(file, 'open');
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...trail.slice(trail.indexOf(next)), file, next].join(' -> '));
      else if (!state.has(next)) walk(next, [...trail, file]);
    }
    state.set(file, 'done');
  };
  for (const file of [...edges.keys()].sort()) if (!state.has(file)) walk(file, []);
  return cycles;
}

describe('layering (STYLE.md)', () => {
  it('finds every kind of import and environment read (the checks below can fail)', () => {
    const facts = analyse(
      'x.ts',
      [
        "import type { A } from 'botbuilder';",
        "import {\n  type B,\n  type C,\n} from '@microsoft/teams-ai';",
        "import restify from 'restify';",
        "export { D } from 'botframework-connector';",
        "const lazy = await import('botbuilder-core');",
        "const old = require('../teams/app.js');",
        'type E = import("../server/server.js").BotServer;',
        'const a = process.env.X;',
        "const b = process['env'];",
        'const { env } = process;',
      ].join('\n'),
    );
    expect(facts.imports).toEqual([
      { specifier: 'botbuilder', typeOnly: true },
      { specifier: '@microsoft/teams-ai', typeOnly: true },
      { specifier: 'restify', typeOnly: false },
      { specifier: 'botframework-connector', typeOnly: false },
      { specifier: 'botbuilder-core', typeOnly: false },
      { specifier: '../teams/app.js', typeOnly: false },
      { specifier: '../server/server.js', typeOnly: true },
    ]);
    expect(facts.envReads).toEqual([11, 12, 13]);
    expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual(['a -> b -> c -> a']);
  });

  it('keeps the domain free of the Teams stack and of the outer layers', async () => {
    const files = await sourceFiles();
    const known = new Set(files.keys());
    const offences: string[] = [];
    for (const [file, facts] of files) {
      if (!DOMAIN.some((folder) => file.startsWith(`${folder}/`))) continue;
      for (const { specifier } of facts.imports) {
        if (TEAMS_STACK.test(specifier)) offences.push(`${file} imports ${specifier}`);
        const target = resolve(file, specifier, known);
        if (target && OUTER_LAYERS.some((outer) => target === outer || target.startsWith(`${outer}/`))) offences.push(`${file} imports ${target}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('keeps the domains free of the storage backends (they declare interfaces; src/main.ts picks the backend)', async () => {
    const files = await sourceFiles();
    const known = new Set(files.keys());
    const offences: string[] = [];
    for (const [file, facts] of files) {
      if (!STORE_USERS.some((folder) => file.startsWith(`${folder}/`))) continue;
      for (const { specifier } of facts.imports) {
        if (STORAGE_PACKAGES.test(specifier)) offences.push(`${file} imports ${specifier}`);
        const target = resolve(file, specifier, known);
        if (target?.startsWith('storage/')) offences.push(`${file} imports ${target}`);
      }
    }
    expect(offences).toEqual([]);
    // The check itself can fail: a domain file naming a backend is caught.
    expect(STORAGE_PACKAGES.test('lowdb') && STORAGE_PACKAGES.test('pg') && !STORAGE_PACKAGES.test('pgx-not-a-backend-x')).toBe(true);
    expect(resolve('tasks/x.ts', '../storage/postgres/tasks.js', known)?.startsWith('storage/')).toBe(true);
  });

  it('lets the domains use messaging only through its index, and messaging none of them', async () => {
    const files = await sourceFiles();
    const known = new Set(files.keys());
    const offences: string[] = [];
    for (const [file, facts] of files) {
      const user = MESSAGING_USERS.some((folder) => file.startsWith(`${folder}/`));
      const inMessaging = file.startsWith('messaging/');
      if (!user && !inMessaging) continue;
      for (const { specifier } of facts.imports) {
        const target = resolve(file, specifier, known);
        if (target === undefined) continue;
        if (user && target.startsWith('messaging/') && target !== 'messaging/index.ts') offences.push(`${file} imports ${target}`);
        if (inMessaging && MESSAGING_USERS.some((folder) => target.startsWith(`${folder}/`))) offences.push(`${file} imports ${target}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('imports the Teams stack only in src/teams, src/server and src/index.ts', async () => {
    const offences: string[] = [];
    for (const [file, facts] of await sourceFiles()) {
      if (MAY_IMPORT_TEAMS_STACK(file)) continue;
      for (const { specifier } of facts.imports) if (TEAMS_STACK.test(specifier)) offences.push(`${file} imports ${specifier}`);
    }
    expect(offences).toEqual([]);
  });

  it('reads process.env only in src/config', async () => {
    const offences: string[] = [];
    for (const [file, facts] of await sourceFiles()) {
      if (file.startsWith('config/')) continue;
      for (const line of facts.envReads) offences.push(`${file}:${line}`);
    }
    expect(offences).toEqual([]);
  });

  it('has no import cycles at run time', async () => {
    const files = await sourceFiles();
    const known = new Set(files.keys());
    const edges = new Map<string, string[]>();
    for (const [file, facts] of files) {
      edges.set(
        file,
        facts.imports.filter((i) => !i.typeOnly).flatMap((i) => resolve(file, i.specifier, known) ?? []).filter((target) => known.has(target)),
      );
    }
    const cycles = findCycles(edges);
    expect(cycles).toEqual([]);
  });
});
