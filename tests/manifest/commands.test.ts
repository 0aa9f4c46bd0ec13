import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReminderCommand } from '../../src/reminders/commands.js';
import { parseTaskCommand } from '../../src/tasks/commands.js';
import { isHelpRequest } from '../../src/teams/phrases.js';
import { MANIFEST_DIR } from '../../scripts/lib/app-package.js';

// A fixed Tuesday in Copenhagen; none of the commands depends on it, but the parsers take a clock.
const NOW = new Date('2026-03-10T09:00:00+01:00');

/** What the bot makes of a text, through the same parsers the Teams handlers use, in the order the app tries them. */
function understand(text: string): string[] {
  const meanings: string[] = [];
  if (isHelpRequest(text)) meanings.push('help');
  const task = parseTaskCommand(text, [], { now: NOW });
  if (task !== null) meanings.push(`task ${task.kind}${task.kind === 'list' ? ` ${task.scope}` : ''} (${task.lang})`);
  const reminder = parseReminderCommand(text, NOW);
  if (reminder !== undefined) meanings.push(`reminder ${reminder.command.kind} (${reminder.lang})`);
  return meanings;
}

// What each command title must mean; help has no language of its own (the reply follows the user's language).
const MEANINGS: Readonly<Record<string, string>> = {
  hjælp: 'help',
  help: 'help',
  opgaver: 'task list open (da)',
  tasks: 'task list open (en)',
  'mine opgaver': 'task list mine (da)',
  'my tasks': 'task list mine (en)',
  'påmind mig': 'reminder subscribe-reminders (da)',
  'remind me': 'reminder subscribe-reminders (en)',
  'post opgaver her': 'reminder subscribe-digest (da)',
  'post tasks here': 'reminder subscribe-digest (en)',
  frister: 'reminder list-deadlines (da)',
  deadlines: 'reminder list-deadlines (en)',
  'stop påmindelser': 'reminder unsubscribe-reminders (da)',
  'stop reminders': 'reminder unsubscribe-reminders (en)',
  'stop opgaver her': 'reminder unsubscribe-digest (da)',
  'stop tasks here': 'reminder unsubscribe-digest (en)',
};

interface Command {
  readonly lang: 'da' | 'en';
  readonly where: string;
  readonly title: string;
  readonly description: string;
}

/** Every command of every command list, in Danish (manifest.json) and in English (en.json). */
async function commandsOfManifest(): Promise<Command[]> {
  const manifest = JSON.parse(await readFile(join(MANIFEST_DIR, 'manifest.json'), 'utf8')) as {
    bots: { commandLists: { commands: { title: string; description: string }[] }[] }[];
  };
  const english = JSON.parse(await readFile(join(MANIFEST_DIR, 'en.json'), 'utf8')) as Record<string, string>;
  return manifest.bots.flatMap((bot, b) =>
    bot.commandLists.flatMap((list, l) =>
      list.commands.flatMap((command, c) => {
        const key = `bots[${b}].commandLists[${l}].commands[${c}]`;
        return [
          { lang: 'da' as const, where: `manifest.json ${key}`, title: command.title, description: command.description },
          { lang: 'en' as const, where: `en.json ${key}`, title: english[`${key}.title`]!, description: english[`${key}.description`]! },
        ];
      }),
    ),
  );
}

describe('the command lists in the manifest', () => {
  it('lists only commands the bot understands, each in one way only and in its own language', async () => {
    const commands = await commandsOfManifest();
    expect(commands.length).toBeGreaterThanOrEqual(2 * 17);
    for (const command of commands) {
      const expected = MEANINGS[command.title];
      expect(expected, `${command.where}: "${command.title}" has no agreed meaning`).toBeDefined();
      expect(understand(command.title), `${command.where}: "${command.title}"`).toEqual([expected]);
      if (expected !== 'help') expect(expected).toContain(`(${command.lang})`);
    }
  });

  it('names, in its descriptions, only commands the bot understands', async () => {
    const quoted = (await commandsOfManifest()).flatMap((command) =>
      [...command.description.matchAll(/"([^"]+)"/g)].map((match) => ({ ...command, title: match[1]! })),
    );
    expect(quoted.length).toBeGreaterThan(0);
    for (const command of quoted) {
      expect(understand(command.title), `${command.where}: "${command.title}" in the description`).toEqual([MEANINGS[command.title]]);
    }
  });

  it.each(Object.keys(MEANINGS))('understands "%s" the way a click in the Teams command menu sends it', (title) => {
    // Teams sends the title as typed in the manifest, possibly capitalised by the client.
    expect(understand(title.charAt(0).toUpperCase() + title.slice(1))).toEqual([MEANINGS[title]]);
  });
});
