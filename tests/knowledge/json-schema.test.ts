import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KNOWLEDGE_JSON_SCHEMA_PATH, knowledgeFileJsonSchemaText } from '../../src/knowledge/json-schema.js';

const committed = fileURLToPath(new URL(`../../data/${KNOWLEDGE_JSON_SCHEMA_PATH}`, import.meta.url));

describe('knowledgeFileJsonSchemaText', () => {
  it('equals the committed data/schema/knowledge-file.schema.json (run `npm run kb:schema` after changing schemas.ts)', async () => {
    expect(await readFile(committed, 'utf8')).toBe(knowledgeFileJsonSchemaText());
  });

  it('lets fields with defaults be left out of a file, and no unknown kinds in', () => {
    const schema = JSON.parse(knowledgeFileJsonSchemaText()) as {
      additionalProperties: boolean;
      properties: { roles: { items: { required: string[] } } };
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.roles.items.required).toEqual(expect.arrayContaining(['id', 'name', 'labelEn', 'source']));
    expect(schema.properties.roles.items.required).not.toContain('reportsTo');
  });
});
