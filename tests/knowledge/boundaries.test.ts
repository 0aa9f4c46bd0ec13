import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const knowledgeSrc = fileURLToPath(new URL('../../src/knowledge/', import.meta.url));

describe('src/knowledge', () => {
  it('imports neither the Teams stack nor the environment, and only its own folder', async () => {
    const offences: string[] = [];
    for (const name of await readdir(knowledgeSrc)) {
      const text = await readFile(path.join(knowledgeSrc, name), 'utf8');
      if (/from ['"](botbuilder|botframework-[\w-]+|@microsoft\/teams-ai|restify)['"/]/.test(text)) offences.push(`${name}: imports the Teams stack`);
      if (/process\.env/.test(text)) offences.push(`${name}: reads process.env`);
      for (const [, target] of text.matchAll(/from ['"](\.\.?\/[^'"]+)['"]/g)) {
        if (target?.startsWith('../')) offences.push(`${name}: imports ${target} outside src/knowledge`);
      }
    }
    expect(offences).toEqual([]);
  });
});
