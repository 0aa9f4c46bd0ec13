import { describe, expect, it } from 'vitest';
import { escapeCardText, escapeMessageText, escapePlainText, neutralizeLinks, neutralizeMentions } from '../../src/teams/escape.js';

const ZWSP = '\u200B';

describe('escaping user text for Teams', () => {
  it.each([
    ['**fed** og _kursiv_', '\\*\\*fed\\*\\* og \\_kursiv\\_'],
    ['[klik](https://evil.example)', `\\[klik\\](https:${ZWSP}//evil.example)`],
    ['# overskrift', '\\# overskrift'],
    ['- punkt\n1. nummer\n> citat', '\\- punkt\n\\1. nummer\n\\> citat'],
    ['`kode` ~~streg~~ a|b', '\\`kode\\` \\~\\~streg\\~\\~ a\\|b'],
    ['back\\slash', 'back\\\\slash'],
    ['Pædagogisk leder (Solsikken), 6. april', 'Pædagogisk leder (Solsikken), 6. april'],
  ])('escapes Markdown for cards: %j', (input, expected) => {
    expect(escapeCardText(input)).toBe(expected);
  });

  it('breaks mentions so no client reads them as one', () => {
    expect(neutralizeMentions('<at>Anna</at> hej')).toBe(`<${ZWSP}at>Anna</${ZWSP}at> hej`);
    expect(escapeCardText('<AT>x</AT>')).not.toMatch(/<\/?at>/i);
  });

  it('breaks links without changing how the text reads', () => {
    const text = neutralizeLinks('se www.evil.dk, https://x.dk og mailto:a@b.dk');
    expect(text).not.toMatch(/https:\/\/|www\.|mailto:/);
    expect(text.replaceAll(ZWSP, '')).toBe('se www.evil.dk, https://x.dk og mailto:a@b.dk');
  });

  it('encodes HTML in Markdown messages', () => {
    expect(escapeMessageText('<b>x</b> & <img src=x onerror=alert(1)>')).toBe('&lt;b&gt;x&lt;/b&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
  });

  it('strips control and bidi override characters, keeps line breaks', () => {
    expect(escapePlainText('a\u0000b\u202Ec\r\nd')).toBe('abc\nd');
  });
});
