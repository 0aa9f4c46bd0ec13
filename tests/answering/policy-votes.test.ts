/**
 * Who voted for or against a policy that a decision with a vote adopted: the decision's vote answers (who voted which
 * way, or that it was unanimous), not only the body that adopted it. Each policy and its decision are read from the
 * knowledge base, never written in the test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAnswerText } from '../../src/answering/index.js';
import { englishName as enName, loadAnswerers, type Loaded } from '../helpers/answerers.js';

const NOW = new Date('2026-11-30T09:00:00Z');
const KBS = ['tests/fixtures/kb-brinkeby'];
let loaded = new Map<string, Loaded>();

beforeAll(async () => {
  loaded = await loadAnswerers(KBS, NOW);
});

describe('the vote on a policy adopted by a decision', () => {
  it('answers who voted against or for with the decision vote, in Danish and English', () => {
    let asked = 0;
    for (const dir of KBS) {
      const { kb, answerer } = loaded.get(dir)!;
      for (const policy of kb.data.policies) {
        const decision = kb.data.decisions.find((d) => d.changes.includes(policy.id) && d.vote !== undefined);
        if (!decision) continue;
        const vote = decision.vote!;
        for (const [q, lang] of [[`hvem stemte imod ${policy.name}`, 'da'], [`who voted against ${enName(policy)}`, 'en']] as const) {
          const reply = renderAnswerText(answerer.answer(q));
          // The vote's own text, as the minutes give it, is in the answer.
          expect(reply, `${dir}: ${q}`).toContain(vote.text![lang].replace(/\.$/, ''));
          asked++;
        }
      }
    }
    expect(asked).toBeGreaterThan(1);
  });
});
