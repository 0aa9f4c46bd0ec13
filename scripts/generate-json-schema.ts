/**
 * `npm run kb:schema`: writes the knowledge file's JSON Schema to `data/schema/knowledge-file.schema.json`
 * (or to `<dir>/schema/...` for a knowledge folder given as the first argument).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { KNOWLEDGE_JSON_SCHEMA_PATH, knowledgeFileJsonSchemaText } from '../src/knowledge/json-schema.js';

async function main(): Promise<void> {
  const dir = process.argv[2] ?? 'data';
  const target = path.join(dir, KNOWLEDGE_JSON_SCHEMA_PATH);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, knowledgeFileJsonSchemaText(), 'utf8');
  console.log(`wrote ${target}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
