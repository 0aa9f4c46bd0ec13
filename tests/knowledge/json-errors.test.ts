import { describe, expect, it } from 'vitest';
import { lineAndColumn, locateJsonError } from '../../src/knowledge/json-errors.js';

describe('locateJsonError', () => {
  it.each([
    ['{"a": 1}'],
    ['[1, -2.5e3, "x\\n\\u00e6", true, false, null, {}, []]'],
    ['  \n { "nested": { "list": [ { "k": "v" } ] } } \n'],
  ])('finds nothing wrong in valid JSON %s', (text) => {
    expect(() => JSON.parse(text)).not.toThrow();
    expect(locateJsonError(text)).toBeUndefined();
  });

  it.each([
    ['{"a": x}', 1, 7, /unexpected "x": expected a value/],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, /expected "," or "}" after a property value/],
    ['{"a": [1, 2,]}', 1, 13, /a comma before "]"/],
    ['{"a": 1,}', 1, 9, /a comma before "}"/],
    ['{"a": "open', 1, 7, /unterminated string/],
    ["{'a': 1}", 1, 2, /expected a double-quoted property name/],
    ['{"a": 1} x', 1, 10, /unexpected text after the end/],
    ['{"a": "line\nbreak"}', 1, 12, /raw control character/],
    ['{"a": 01}', 1, 8, /expected "," or "}"/],
    ['', 1, 1, /unexpected end of the file/],
  ])('locates the error in %j at line %i, column %i', (text, line, column, message) => {
    expect(() => JSON.parse(text)).toThrow();
    const where = locateJsonError(text);
    expect(where).toMatchObject({ line, column });
    expect(where?.message).toMatch(message);
  });
});

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });
});
