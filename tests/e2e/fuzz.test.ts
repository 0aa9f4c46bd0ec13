/**
 * Throws 10,000 random and mutated activities (and some bodies that are not activities at all) at the real
 * endpoint, from a fixed seed: no 5xx, no crash, no turn that fails, and the bot still answers afterwards.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cardAction, channelMessage, installUpdate, personalMessage, replyText } from '../helpers/activities.js';
import type { WireActivity } from '../helpers/activities.js';
import { startTestBot, type TestBot } from '../helpers/test-bot.js';

const SEED = 0x5eed_2026;
const CASES = 10_000;
const CONCURRENCY = 16;

/** mulberry32: small, fast, deterministic. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof createRandom>;

const TEXTS = [
  'hjælp',
  'help',
  'opgave Følg op på budgettet senest fredag',
  'opgave <at>Nobody</at> ring til forældrene i morgen',
  'task Call the parents tomorrow',
  'opgaver',
  'mine opgaver',
  'alle opgaver',
  'færdig 1',
  'færdig 999999999999999999999',
  'genåbn 1',
  'flyt 1 til 31. februar',
  'frist Kvalitetsrapport 2026-12-15',
  'frist',
  'frister',
  'påmind mig',
  'stop påmindelser',
  'post opgaver her',
  'Hvem refererer den pædagogiske leder til?',
  'Who does the pedagogical leader report to?',
  'Hvornår er ansøgningsfristen?',
  '<at>Everyone</at> [x](javascript:alert(1)) <img src=x onerror=alert(1)>',
  '',
  '   ',
  '\u0000\u0001\u202e\ud800',
  '🙂🙃👩‍👩‍👧‍👦',
  '&nbsp;&nbsp;',
];

function randomString(r: Random): string {
  switch (r.int(6)) {
    case 0:
      return r.pick(TEXTS);
    case 1:
      return Array.from({ length: r.int(40) }, () => String.fromCharCode(r.int(0x3000))).join('');
    case 2:
      return 'x'.repeat(r.pick([3_999, 4_000, 4_001, 50_000]));
    case 3:
      return r.pick(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'NaN', 'Infinity', '-0', '1e309', 'null', 'undefined']);
    case 4:
      return `${r.pick(TEXTS)} ${r.pick(TEXTS)}`.slice(0, r.int(200));
    default:
      return r.pick(['message', 'invoke', 'conversationUpdate', 'adaptiveCard/action', 'Action.Execute', 'task.complete', 'msteams', 'personal', 'channel', '2026-02-30T25:61:00Z']);
  }
}

function randomValue(r: Random, depth = 0): unknown {
  switch (r.int(depth > 2 ? 6 : 9)) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick([0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308, 3]);
    case 3:
    case 4:
    case 5:
      return randomString(r);
    case 6:
      return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
    case 7:
      return Object.fromEntries(Array.from({ length: r.int(4) }, () => [randomString(r).slice(0, 20), randomValue(r, depth + 1)]));
    default:
      return { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } };
  }
}

/** Every path into an object (arrays included), for picking what to mutate. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const path = [...prefix, Array.isArray(value) ? Number(key) : key];
      out.push(path);
      if (out.length < 200) paths(child, path, out);
    }
  }
  return out;
}

function mutate(r: Random, activity: WireActivity): void {
  const all = paths(activity);
  if (all.length === 0) return;
  const path = r.pick(all);
  let parent: any = activity;
  for (const key of path.slice(0, -1)) parent = parent[key];
  const key = path.at(-1)!;
  if (r.chance(0.3)) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else {
    parent[key] = randomValue(r);
  }
}

interface Targets {
  /** The fake connector. */
  readonly serviceUrl: string;
  /** A connector that answers 404 to everything (a conversation that is gone). */
  readonly goneUrl: string;
}

function template(r: Random, targets: Targets): WireActivity {
  const at = {
    // Not an unreachable port: the HTTP client's retries would hold each such turn for seconds.
    serviceUrl: r.chance(0.9) ? targets.serviceUrl : r.pick([targets.goneUrl, 'https://smba.trafficmanager.net/emea/', 'javascript:alert(1)', '', 'http://10.0.0.1/']),
    locale: r.pick(['da-DK', 'en-US', 'en-GB', 'xx', '']),
    userId: r.pick(['29:fuzz-a', '29:fuzz-b', `29:fuzz-${r.int(50)}`]),
    conversationId: r.chance(0.5) ? `a:fuzz-${r.int(20)}` : `19:fuzz-${r.int(5)}@thread.tacv2`,
  };
  const text = randomString(r);
  switch (r.int(10)) {
    case 0:
    case 1:
    case 2:
      return personalMessage(text, at);
    case 3:
    case 4:
      return channelMessage(text, at);
    case 5:
      return installUpdate({ ...at, scope: r.chance(0.5) ? 'team' : 'personal' });
    case 6:
      return cardAction(r.pick(['task.complete', 'task.reopen', 'unknown.verb', '']), (randomValue(r) ?? {}) as Record<string, unknown>, { ...at, channel: r.chance(0.5) });
    case 7: {
      const base = personalMessage('', at);
      return { ...base, type: 'invoke', name: r.pick(['composeExtension/query', 'task/fetch', 'signin/verifyState', 'adaptiveCard/action', 'actionableMessage/executeAction', randomString(r)]), value: randomValue(r) };
    }
    case 8: {
      const base = personalMessage('', at);
      const type = r.pick(['messageReaction', 'typing', 'event', 'endOfConversation', 'installationUpdate', 'messageUpdate', 'messageDelete', 'conversationUpdate', 'trace', 'handoff', 'somethingNew']);
      return { ...base, type, membersRemoved: r.chance(0.3) ? [{ id: base.recipient.id }] : undefined, reactionsAdded: [{ type: 'like' }], action: r.pick(['add', 'remove']) };
    }
    default:
      return (randomValue(r) ?? {}) as WireActivity;
  }
}

/** A request body: usually a mutated activity, sometimes JSON that is not an activity, or not JSON. */
function body(r: Random, targets: Targets): string {
  const roll = r.next();
  if (roll < 0.04) return JSON.stringify(template(r, targets)).slice(0, r.int(300));
  if (roll < 0.05) return `${'['.repeat(r.pick([100, 5_000]))}${']'.repeat(r.pick([0, 100]))}`;
  if (roll < 0.06) return JSON.stringify(randomValue(r));
  const activity = template(r, targets);
  // Unmutated templates reach the handlers with odd texts and values; mutated ones probe the validation.
  const mutations = r.chance(0.5) ? 0 : 1 + r.int(3);
  for (let i = 0; i < mutations; i++) mutate(r, activity);
  return JSON.stringify(activity);
}

describe('fuzzing /api/messages', () => {
  let t: TestBot;
  let gone: http.Server;
  let goneUrl: string;
  beforeAll(async () => {
    t = await startTestBot({ env: { LOG_LEVEL: 'warn' } });
    gone = http.createServer((req, res) => {
      req.resume();
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"ConversationNotFound"}}');
    });
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    goneUrl = `http://127.0.0.1:${(gone.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await t?.close();
    gone?.closeAllConnections();
    await new Promise((resolve) => gone?.close(resolve));
  });

  it(`survives ${CASES.toLocaleString('en')} random and mutated activities: no 5xx, no failed turn, still answering`, async () => {
    const r = createRandom(SEED);
    const bodies = Array.from({ length: CASES }, () => body(r, { serviceUrl: t.connector.serviceUrl, goneUrl }));
    const statuses = new Map<number, number>();
    const serverErrors: string[] = [];
    // Plain node:http with keep-alive: much lighter than fetch for 10,000 small requests.
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const target = new URL(t.bot.messagesUrl);
    const post = (payload: string, contentType: string) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(
          { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, timeout: 10_000, headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(payload) } },
          (response) => {
            response.resume();
            response.once('end', () => resolve(response.statusCode ?? 0));
            response.once('error', reject);
          },
        );
        request.once('timeout', () => request.destroy(new Error('timed out')));
        request.once('error', reject);
        request.end(payload);
      });
    let next = 0;
    const worker = async () => {
      while (next < bodies.length) {
        const index = next++;
        const contentType = index % 97 === 0 ? 'text/plain' : 'application/json';
        let status: number;
        try {
          status = await post(bodies[index]!, contentType);
        } catch (error) {
          serverErrors.push(`no answer (${(error as Error).message}): ${bodies[index]!.slice(0, 300)}`);
          continue;
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 500) serverErrors.push(`${status}: ${bodies[index]!.slice(0, 300)}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    agent.destroy();

    expect(serverErrors).toEqual([]);
    expect([...statuses.values()].reduce((sum, n) => sum + n, 0)).toBe(CASES);
    // The corpus reaches the handlers, not only the validation in front of them.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(CASES / 3);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
    // Errors logged: only the connector that answers 404 may cause any (the reply cannot be delivered).
    // A handler that throws, an observer that fails or state that no longer matches its schema is a bug.
    const errors = t.logs
      .filter((line) => line.level >= 50 && !/ConversationNotFound/.test(String((line.err as { message?: string } | undefined)?.message)))
      .map((line) => `${line.msg}: ${String((line.err as { message?: string } | undefined)?.message ?? line.problem ?? '')}`);
    expect(errors).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // Still alive and answering.
    expect((await fetch(`${t.bot.url}/healthz`)).status).toBe(200);
    const question = personalMessage('Hvem refererer den pædagogiske leder til?', { ...t.at, conversationId: 'a:after-the-fuzz' });
    expect((await t.post(question)).status).toBe(200);
    // The answer card (a first contact that asks gets no introduction in front of the answer).
    const replies = await t.connector.waitFor(1, { conversationId: 'a:after-the-fuzz', type: 'message' });
    expect(replies.map((reply) => replyText(reply.activity)).join('\n')).toMatch(/dagtilbudschef/i);
  }, 120_000);
});

describe('inputs the fuzz found', () => {
  let t: TestBot | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('answers the word %j like any other question', async (word) => {
    t = await startTestBot();
    const activity = channelMessage(word, t.at);
    expect((await t.post(activity)).status).toBe(200);
    await t.connector.waitFor(1, { conversationId: activity.conversation.id, type: 'message' });
    expect(t.logs.filter((line) => line.level >= 50)).toEqual([]);
  });

  it.each([
    ['from.aadObjectId', (a: WireActivity) => (a.from.aadObjectId = '__proto__')],
    ['from.id', (a: WireActivity) => (a.from.id = 'constructor')],
    ['conversation.id', (a: WireActivity) => (a.conversation.id = '__proto__')],
    ['conversation.id', (a: WireActivity) => (a.conversation.id = 'a:\u0000line\nbreak')],
    ['recipient.name', (a: WireActivity) => (a.recipient.name = { first: 'Leder' })],
    ['text', (a: WireActivity) => (a.text = 42)],
    ['entities.0.text', (a: WireActivity) => delete a.entities[0].text],
    ['channelId', (a: WireActivity) => delete a.channelId],
  ])('refuses an activity with a bad %s (400), and nothing is stored', async (field, spoil) => {
    t = await startTestBot();
    const activity = channelMessage('opgave Budget', t.at);
    spoil(activity);
    const { status, body } = await t.post(activity);
    expect(status).toBe(400);
    expect(body.message).toContain(`The activity is malformed: ${field}`);
    expect(t.connector.received).toEqual([]);
  });
});
