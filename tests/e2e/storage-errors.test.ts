/**
 * Storage errors said plainly (issue 13): with the disk full, a task command gets "not saved: the storage is full"
 * in the user's language, `/healthz` says `degraded`, and the bot recovers by itself once space returns.
 *
 * The disk is a real 512 KiB tmpfs (room for every store's files of two bots; the filler takes the rest), which
 * needs root (mount). Without that capability this file runs only the in-memory case below it; `tests/storage/write-errors.test.ts` covers ENOSPC through an injected journal.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmdirSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { personalMessage, replyText } from '../helpers/activities.js';
import { startTestBot } from '../helpers/test-bot.js';

/** Mounts a small tmpfs when this process may (root with mount); undefined otherwise. */
function mountSmallDisk(): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', dir], { stdio: 'ignore', timeout: 10_000 });
    return dir;
  } catch {
    rmdirSync(dir);
    return undefined;
  }
}

const disk = mountSmallDisk();
afterAll(() => {
  if (disk === undefined) return;
  execFileSync('umount', [disk], { stdio: 'ignore', timeout: 10_000 });
  rmdirSync(disk);
});

async function health(url: string): Promise<{ status: string; problems?: string[] }> {
  return (await (await fetch(`${url}/healthz`)).json()) as { status: string; problems?: string[] };
}

describe.runIf(disk !== undefined)('a full disk (tmpfs, needs root)', () => {
  it.each([
    ['da', 'da-DK', 'opgave Bestil nye stole', /^Ændringen blev ikke gemt: botens lager er fuldt\. Intet er ændret/, /^Opgave #1 oprettet/],
    ['en', 'en-GB', 'task Order new chairs', /^The change was not saved: the bot's storage is full\. Nothing was changed/, /^Task #1 created/],
  ])('says in %s that the change was not saved, turns degraded, and recovers when space returns', async (_lang, locale, command, notSaved, created) => {
    const stateDir = path.join(disk as string, `state-${locale}`);
    const t = await startTestBot({ env: { STATE_DIR: stateDir } });
    const filler = path.join(disk as string, 'filler');
    try {
      const at = { ...t.at, locale, conversationId: `a:disk-${locale}`, userId: '29:leader', aadObjectId: 'aad-leader' };
      // A first message stores the conversation reference and the greeting while there is room.
      await t.post(personalMessage(locale === 'en' ? 'help' : 'hjælp', at));
      await t.connector.waitFor(1, { conversationId: at.conversationId, type: 'message' });
      await writeFile(filler, Buffer.alloc(1024 * 1024)).catch((error: NodeJS.ErrnoException) => expect(error.code).toBe('ENOSPC'));

      const before = t.connector.activitiesIn(at.conversationId, 'message').length;
      expect((await t.post(personalMessage(command, at))).status).toBe(200);
      const [reply] = (await t.connector.waitFor(before + 1, { conversationId: at.conversationId, type: 'message' })).slice(before);
      expect(replyText(reply!.activity)).toMatch(notSaved);
      const degraded = await health(t.bot.url);
      expect(degraded.status).toBe('degraded');
      expect(degraded.problems?.join('\n')).toMatch(/state tasks: the disk is full \(ENOSPC\)/);

      await rm(filler);
      let status = degraded.status;
      for (let waited = 0; status !== 'ok' && waited < 15_000; waited += 250) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        status = (await health(t.bot.url)).status;
      }
      expect(status).toBe('ok');
      const again = t.connector.activitiesIn(at.conversationId, 'message').length;
      await t.post(personalMessage(command, at));
      const [next] = (await t.connector.waitFor(again + 1, { conversationId: at.conversationId, type: 'message' })).slice(again);
      expect(replyText(next!.activity)).toMatch(created);
    } finally {
      await rm(filler, { force: true });
      await t.close();
    }
  }, 40_000);
});

describe('a damaged state at start', () => {
  it('refuses to start when confirmed changes are missing, and starts degraded once the loss is acknowledged', async () => {
    const first = await startTestBot();
    const stateDir = first.stateDir;
    const at = { ...first.at, conversationId: 'a:loss', userId: '29:leader' };
    await first.post(personalMessage('opgave Første opgave', at));
    await first.connector.waitFor(1, { conversationId: 'a:loss', type: 'message' });
    await first.bot.close();
    // The mark says 40 changes were confirmed and task numbers reached 12: no copy holds them (a lost journal).
    await writeFile(path.join(stateDir, 'tasks.mark'), JSON.stringify({ seq: 40, counters: { nextNumber: 12 } }));

    const tempDir = await import('node:fs/promises').then((fs) => fs.mkdtemp(path.join(os.tmpdir(), 'loss-')));
    const copy = path.join(tempDir, 'state');
    await import('node:fs/promises').then((fs) => fs.cp(stateDir, copy, { recursive: true }));
    await first.close();
    try {
      await expect(startTestBot({ env: { STATE_DIR: copy } })).rejects.toThrow(/tasks\.json: \d+ confirmed change\(s\) .*missing from every copy.*ACCEPT_STATE_LOSS=1/);
      const t = await startTestBot({ env: { STATE_DIR: copy, ACCEPT_STATE_LOSS: '1' } });
      try {
        const body = await health(t.bot.url);
        expect(body.status).toBe('degraded');
        expect(body.problems?.join('\n')).toMatch(/state tasks: \d+ confirmed change\(s\) .*lost at start and accepted/);
        await t.post(personalMessage('opgave Næste opgave', { ...at, ...t.at }));
        let texts: string[] = [];
        for (let waited = 0; !texts.some((text) => text.startsWith('Opgave')) && waited < 5_000; waited += 50) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          texts = t.connector.activitiesIn('a:loss', 'message').map((r) => replyText(r.activity));
        }
        // Numbers 1 to 11 may have been confirmed to someone: the next one is 12.
        expect(texts.find((text) => text.startsWith('Opgave'))).toMatch(/^Opgave #12 oprettet/);
      } finally {
        await t.close();
      }
    } finally {
      await rm(tempDir, { recursive: true, force: true });
    }
  });
});

describe('storage errors without a small disk', () => {
  it('reports healthy state as ok', async () => {
    const t = await startTestBot();
    try {
      expect(await health(t.bot.url)).toMatchObject({ status: 'ok' });
      expect((await health(t.bot.url)).problems).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});
