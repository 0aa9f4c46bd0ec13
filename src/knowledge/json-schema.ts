/**
 * The JSON Schema of a knowledge file, generated from the zod schema so editors can check and
 * complete `data/*.json` (each file names it in `"$schema"`).
 */
import { z } from 'zod/v4';
import { KnowledgeFileSchema } from './schemas.js';

/** Where the generated schema lives, relative to the knowledge folder. */
export const KNOWLEDGE_JSON_SCHEMA_PATH = 'schema/knowledge-file.schema.json';

/** The knowledge file's JSON Schema as the text written to disk (2-space indent, final newline). */
export function knowledgeFileJsonSchemaText(): string {
  // `io: 'input'` describes what a file may contain: fields with defaults are optional there.
  const schema = z.toJSONSchema(KnowledgeFileSchema, { io: 'input' });
  const titled = {
    ...schema,
    title: 'Knowledge file',
    description:
      'One knowledge file of the dagtilbud leadership bot: any subset of the kinds. Generated from src/knowledge/schemas.ts by `npm run kb:schema`; do not edit.',
  };
  return `${JSON.stringify(titled, null, 2)}\n`;
}
