import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/answering/types.js';
import { ANSWER_CARD_LIMITS, ANSWER_DETAILS_ID, buildAnswerCard } from '../../../src/teams/cards/answer-card.js';
import { buildHelpCard } from '../../../src/teams/cards/help-card.js';

const base: Answer = {
  kind: 'answer',
  lang: 'da',
  headline: 'Pædagogisk leder refererer til dagtilbudschefen.',
  sections: [{ title: '', lines: ['Den pædagogiske leder refererer til dagtilbudschefen.'] }],
  sources: [{ doc: 'a.txt', title: 'Lederprofil' }],
  suggestions: [],
};

const texts = (card: ReturnType<typeof buildAnswerCard>) => JSON.stringify(card.body);

describe('buildAnswerCard', () => {
  it('is an Adaptive Card 1.5 with headline, lines and the source title', () => {
    const card = buildAnswerCard(base);
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: base.headline, weight: 'Bolder', wrap: true });
    expect(texts(card)).toContain('• Den pædagogiske leder refererer til dagtilbudschefen.');
    expect(card.body.at(-1)).toMatchObject({ text: 'Kilde: Lederprofil' });
    expect(card.actions).toBeUndefined();
  });

  it.each([
    ['da' as const, 'Kilder: Lederprofil; Stillingsopslag'],
    ['en' as const, 'Sources: Lederprofil; Stillingsopslag'],
  ])('names several sources once each (%s)', (lang, expected) => {
    const card = buildAnswerCard({
      ...base,
      lang,
      sources: [
        { doc: 'a.txt', title: 'Lederprofil' },
        { doc: 'b.txt', title: 'Stillingsopslag' },
        { doc: 'a.txt', title: 'Lederprofil' },
      ],
    });
    expect(texts(card)).toContain(expected);
  });

  it('shows "Label: value" sections as a FactSet and titled sections with a heading', () => {
    const card = buildAnswerCard({
      ...base,
      sections: [{ title: 'Solsikken', lines: ['Ansøgningsfrist: mandag den 6. april 2026', 'Samtaler: uge 16'] }],
    });
    expect(card.body[1]).toMatchObject({ type: 'TextBlock', text: 'Solsikken', weight: 'Bolder' });
    expect(card.body[2]).toEqual({
      type: 'FactSet',
      facts: [
        { title: 'Ansøgningsfrist', value: 'mandag den 6. april 2026' },
        { title: 'Samtaler', value: 'uge 16' },
      ],
    });
  });

  it('turns suggestions into buttons that ask them', () => {
    const card = buildAnswerCard({ ...base, kind: 'unknown', sources: [], sections: [], suggestions: ['Hvem refererer X til?', 'b', 'c', 'd'] });
    expect(card.actions).toHaveLength(ANSWER_CARD_LIMITS.suggestions);
    expect(card.actions![0]).toEqual({ type: 'Action.Submit', title: 'Hvem refererer X til?', data: { msteams: { type: 'imBack', value: 'Hvem refererer X til?' } } });
    expect(texts(card)).not.toContain('Kilde');
  });

  it('escapes engine text that may echo the question', () => {
    const card = buildAnswerCard({ ...base, headline: 'Jeg kender ikke "[klik](https://evil)" <at>Anna</at>' });
    const headline = String(card.body[0]?.text);
    expect(headline).not.toContain('[klik](https://');
    expect(headline).not.toMatch(/<at>/);
  });

  it('stays under the size cap for a huge answer, saying how much was left out', () => {
    const line = 'En meget lang linje om ansvar og opgaver. '.repeat(14);
    const sections = Array.from({ length: 20 }, (_, i) => ({ title: `Afsnit ${i + 1}`, lines: Array.from({ length: 20 }, () => line) }));
    const card = buildAnswerCard({ ...base, sections });
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(ANSWER_CARD_LIMITS.bytes);
    expect(texts(card)).toMatch(/… og \d+ mere/);
    expect(texts(card)).toContain('Kilde: Lederprofil');
  });

  it('shows a title with nothing under it as plain context, not an empty heading, and says a repeated value once', () => {
    const card = buildAnswerCard({
      ...base,
      headline: 'Ansøgningsfrist for stillingen (mandag den 6. april 2026): mandag den 6. april 2026',
      sections: [{ title: 'Pædagogisk leder til Solsikken', lines: [] }],
    });
    expect(card.body[0]).toMatchObject({ text: 'Ansøgningsfrist for stillingen: mandag den 6. april 2026' });
    expect(card.body[1]).toMatchObject({ text: 'Pædagogisk leder til Solsikken', isSubtle: true });
    expect(card.body.filter((element) => element.weight === 'Bolder')).toHaveLength(1);
  });

  it("puts the engine's details, quotes included, behind show more, and no second copy of the quote", () => {
    const card = buildAnswerCard({ ...base, details: ['Mere om ansvaret', '»ordret citat«'], sources: [{ doc: 'a.txt', title: 'Lederprofil', quote: 'ordret citat' }] });
    const details = card.body.find((element) => element.id === ANSWER_DETAILS_ID)!;
    expect(JSON.stringify(details)).toContain('Mere om ansvaret');
    expect(JSON.stringify(card).match(/ordret citat/g)).toHaveLength(1);
  });

  it.each([
    ['da' as const, 'Vis mere', 'Vis mindre'],
    ['en' as const, 'Show more', 'Show less'],
  ])('shows five supporting lines and hides the rest and the quotes behind "%s"', (lang, more, less) => {
    const lines = Array.from({ length: 8 }, (_, i) => `Linje ${i + 1} om ansvar`);
    const card = buildAnswerCard({ ...base, lang, sections: [{ title: '', lines }], sources: [{ doc: 'a.txt', title: 'Lederprofil', quote: 'ordret citat' }] });
    const visible = JSON.stringify(card.body.filter((element) => element.isVisible !== false));
    expect(visible).toContain('Linje 5 om ansvar');
    expect(visible).not.toContain('Linje 6 om ansvar');
    expect(visible).toContain('Lederprofil');
    const details = card.body.find((element) => element.id === ANSWER_DETAILS_ID)!;
    expect(details).toMatchObject({ type: 'Container', isVisible: false });
    expect(JSON.stringify(details)).toContain('Linje 8 om ansvar');
    expect(JSON.stringify(details)).toContain('»ordret citat«');
    const toggles = card.body.filter((element) => element.type === 'ActionSet').map((set) => (set.actions as { title: string; type: string }[])[0]);
    expect(toggles).toEqual([expect.objectContaining({ type: 'Action.ToggleVisibility', title: more }), expect.objectContaining({ title: less })]);
  });
});

describe('buildHelpCard', () => {
  it('writes placeholders in a form the card renderer shows (not as HTML tags)', () => {
    const card = buildHelpCard({ lang: 'da', examples: [], commands: ['opgave <titel> [@person] [senest <dato>]: opretter en opgave'] });
    const text = JSON.stringify(card.body);
    expect(text).toContain('opgave ‹titel›');
    expect(text).toContain('senest ‹dato›');
    expect(text).not.toMatch(/<titel>|<dato>/);
  });
});
