/**
 * The manifest's message extensions match the code: the command ids the handlers register, the query parameter
 * they read, Danish titles in manifest.json and English ones in en.json, and the same bot as the chat bot.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_DIR } from '../../scripts/lib/app-package.js';
import { MESSAGE_EXTENSION_COMMANDS, SEARCH_PARAMETER } from '../../src/teams/message-extensions/knowledge-search.js';

interface Command {
  id: string;
  type: string;
  title: string;
  context: string[];
  fetchTask?: boolean;
  parameters?: { name: string }[];
}
type Manifest = { bots: { botId: string }[]; composeExtensions: { botId: string; commands: Command[] }[] };

const read = async (name: string) => JSON.parse(await readFile(join(MANIFEST_DIR, name), 'utf8')) as Record<string, any>;

describe('manifest composeExtensions', () => {
  it('declares the search command and the message action the bot handles, on the same bot', async () => {
    const manifest = (await read('manifest.json')) as Manifest;
    const english = await read('en.json');
    const [extension] = manifest.composeExtensions;
    expect(extension!.botId).toBe(manifest.bots[0]!.botId);
    const [search, action] = extension!.commands;
    expect(search).toMatchObject({ id: MESSAGE_EXTENSION_COMMANDS.search, type: 'query', title: 'Søg i vidensbasen', context: ['compose', 'commandBox'] });
    expect(search!.parameters!.map((p) => p.name)).toEqual([SEARCH_PARAMETER]);
    expect(action).toMatchObject({ id: MESSAGE_EXTENSION_COMMANDS.createTask, type: 'action', title: 'Opret opgave', context: ['message'], fetchTask: true });
    expect(english['composeExtensions[0].commands[0].title']).toBe('Search the knowledge base');
    expect(english['composeExtensions[0].commands[1].title']).toBe('Create task');
  });
});
