/**
 * Escaping of text the bot did not write itself (user input, and engine text that may echo it) before it
 * is shown in Teams, so that it renders as the literal characters and cannot inject formatting, links,
 * HTML or `<at>` mentions.
 */

// Control characters (except tab and newline) and bidirectional overrides that could disguise text.
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;
// Markdown that Teams renders in messages and Adaptive Card text: emphasis, strike, code, links, headings, quotes.
const MARKDOWN_SPECIALS = /[\\`*_~[\]#|]/g;
// List and heading markers only mean something at the start of a line.
const LINE_START_MARKERS = /^(\s*)([-+>]|\d+[.)])(?=\s)/gm;
const ZERO_WIDTH_SPACE = '\u200B';

/** Removes control characters and normalises line endings; the base of every escaper. */
export function sanitizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '');
}

/** Breaks what Teams would turn into a link (`https://…`, `www.…`, `mailto:`) without changing how it reads. */
export function neutralizeLinks(text: string): string {
  return text
    .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
    .replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}${ZERO_WIDTH_SPACE}.`)
    .replace(/\b(mailto|tel|sip|msteams):/gi, `$1${ZERO_WIDTH_SPACE}:`);
}

/** Breaks `<at>` tags so no client can read them as a mention, whatever the text format. */
export function neutralizeMentions(text: string): string {
  return text.replace(/<(\/?)at\b/gi, `<$1${ZERO_WIDTH_SPACE}at`);
}

/**
 * Escapes text for an Adaptive Card `TextBlock` or `FactSet` (which render a Markdown subset).
 * @example escapeCardText('**hi** [x](https://evil)') // "\*\*hi\*\* \[x\](https:​//evil)"
 */
export function escapeCardText(text: string): string {
  return neutralizeMentions(
    neutralizeLinks(
      sanitizeText(text)
        .replace(MARKDOWN_SPECIALS, (char) => `\\${char}`)
        .replace(LINE_START_MARKERS, (_match, indent: string, marker: string) => `${indent}\\${marker}`),
    ),
  );
}

/** Escapes text for a message with `textFormat: 'markdown'` (the default), where HTML is rendered too. */
export function escapeMessageText(text: string): string {
  return escapeCardText(sanitizeText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

/** Makes text safe for a message with `textFormat: 'plain'`: no markup is rendered, so only mentions and links are broken. */
export function escapePlainText(text: string): string {
  return neutralizeMentions(neutralizeLinks(sanitizeText(text)));
}
