/**
 * Locates the first syntax error in a JSON text, because Node 20's `JSON.parse` errors do not
 * always say where ("Unexpected token 'x', ... is not valid JSON").
 */

/** Where a JSON text first goes wrong: 1-based line and column, and what was expected. */
export interface JsonErrorLocation {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** Finds the first syntax error in `text`, or `undefined` when it is valid JSON. */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  try {
    new JsonScanner(text).document();
    return undefined;
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { line, column } = lineAndColumn(text, error.offset);
    return { offset: error.offset, line, column, message: error.message };
  }
}

/** The 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** A strict recursive-descent JSON recogniser (RFC 8259) that reports the offset of the first error. */
class JsonScanner {
  private pos = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.skipWhitespace();
    this.value();
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail('unexpected text after the end of the JSON value');
  }

  private value(): void {
    const c = this.text[this.pos];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const literal of ['true', 'false', 'null']) {
      if (this.text.startsWith(literal, this.pos)) {
        this.pos += literal.length;
        return;
      }
    }
    this.fail(c === undefined ? 'unexpected end of the file: a value is missing' : `unexpected ${describe(c)}: expected a value`);
  }

  private object(): void {
    this.pos++; // '{'
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') {
        this.fail(
          this.text[this.pos] === '}'
            ? 'a comma before "}" (trailing commas are not allowed in JSON)'
            : `${this.found()}: expected a double-quoted property name`,
        );
      }
      this.string();
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') this.fail(`${this.found()}: expected ":" after the property name`);
      this.pos++;
      this.skipWhitespace();
      this.value();
      this.skipWhitespace();
      const c = this.text[this.pos];
      if (c === '}') {
        this.pos++;
        return;
      }
      if (c !== ',') this.fail(`${this.found()}: expected "," or "}" after a property value`);
      this.pos++;
    }
  }

  private array(): void {
    this.pos++; // '['
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] === ']') this.fail('a comma before "]" (trailing commas are not allowed in JSON)');
      this.value();
      this.skipWhitespace();
      const c = this.text[this.pos];
      if (c === ']') {
        this.pos++;
        return;
      }
      if (c !== ',') this.fail(`${this.found()}: expected "," or "]" after an array element`);
      this.pos++;
    }
  }

  private string(): void {
    const start = this.pos;
    this.pos++; // '"'
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail('unterminated string', start);
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c === '\\') {
        const escape = this.text[this.pos + 1];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) this.fail('bad \\u escape in a string');
          this.pos += 6;
          continue;
        }
        if (escape === undefined || !'"\\/bfnrt'.includes(escape)) this.fail('bad escape in a string');
        this.pos += 2;
        continue;
      }
      if (c < ' ') this.fail('a raw control character (such as a line break) inside a string');
      this.pos++;
    }
  }

  private number(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (!match || match[0] === '-') this.fail('malformed number');
    this.pos += match[0].length;
  }

  private skipWhitespace(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos] as string)) this.pos++;
  }

  private found(): string {
    const c = this.text[this.pos];
    return c === undefined ? 'unexpected end of the file' : `unexpected ${describe(c)}`;
  }

  private fail(message: string, offset = this.pos): never {
    throw new JsonSyntaxError(offset, message);
  }
}

function describe(c: string): string {
  return JSON.stringify(c);
}
