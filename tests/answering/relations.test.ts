/**
 * Every relation of the knowledge schema (every field that refers to another item by id) must be
 * answerable in both directions by question kinds the lexicon recognises in Danish and English.
 * The list of reference fields is derived from the zod schema itself, so this test fails as soon
 * as the schema gains a reference field that no question kind answers.
 */
import { describe, expect, it } from 'vitest';
import { KnowledgeFileSchema } from '../../src/knowledge/schemas.js';
import { RELATION_FIELDS } from '../../src/answering/relations.js';
import { loadLexicon, LexiconSchema } from '../../src/answering/lexicon/lexicon.js';
import lexiconJson from '../../src/answering/lexicon/lexicon.json' with { type: 'json' };

interface ZodLike {
  readonly _zod: {
    readonly def: { readonly type: string; readonly innerType?: ZodLike; readonly element?: ZodLike; readonly shape?: Record<string, ZodLike>; readonly options?: readonly ZodLike[] };
  };
  safeParse(value: unknown): { success: boolean };
}

/** Strips optional/default/nullable wrappers. */
function unwrap(schema: ZodLike): ZodLike {
  let current = schema;
  while (['optional', 'default', 'nullable', 'prefault'].includes(current._zod.def.type) && current._zod.def.innerType) current = current._zod.def.innerType;
  return current;
}

/** A reference is an id string: kebab-case accepted, anything else refused. */
function isId(schema: ZodLike): boolean {
  const s = unwrap(schema);
  return s._zod.def.type === 'string' && s.safeParse('some-id-1').success && !s.safeParse('Not An Id').success;
}

/** `kind.field` for every field of every kind that refers to other items by id. */
function referenceFields(): string[] {
  const fields: string[] = [];
  const shape = (KnowledgeFileSchema as unknown as ZodLike)._zod.def.shape!;
  for (const [kind, list] of Object.entries(shape)) {
    const array = unwrap(list);
    if (array._zod.def.type !== 'array') continue;
    const element = unwrap(array._zod.def.element!);
    for (const [field, schema] of Object.entries(element._zod.def.shape ?? {})) {
      if (field === 'id') continue;
      const s = unwrap(schema);
      const inner = s._zod.def.type === 'array' ? unwrap(s._zod.def.element!) : undefined;
      // An element may be an id, an object with an id field ({ref, note}), or a union of those.
      const refersTo = (x: ZodLike): boolean =>
        isId(x) ||
        (x._zod.def.type === 'object' && Object.values(x._zod.def.shape ?? {}).some(isId)) ||
        (x._zod.def.type === 'union' && (x._zod.def.options ?? []).some((o) => refersTo(unwrap(o))));
      const refers = isId(s) || (inner !== undefined && refersTo(inner));
      if (refers) fields.push(`${kind}.${field}`);
    }
  }
  return fields;
}

describe('relations of the schema', () => {
  const fields = referenceFields();
  const lexicon = LexiconSchema.parse(lexiconJson);
  const cuesOf = (kind: string) => lexicon.kinds.filter((k) => k.kind === kind);

  it('finds the reference fields of the schema (the derivation works)', () => {
    expect(fields).toContain('roles.reportsTo');
    expect(fields).toContain('leadershipGroups.members');
    expect(fields).toContain('dates.about');
    expect(fields.length).toBeGreaterThan(20);
  });

  it.each(fields)('answers %s in both directions', (field) => {
    const entry = RELATION_FIELDS[field];
    expect(entry, `${field} is a relation of the schema that no question kind answers: add it to RELATION_FIELDS in src/answering/relations.ts (and an answerer)`).toBeDefined();
    expect(entry!.forward.length, `${field}: no question kind answers it forwards`).toBeGreaterThan(0);
    expect(entry!.backward.length, `${field}: no question kind answers it backwards`).toBeGreaterThan(0);
  });

  it.each(fields)('recognises the question kinds of %s in Danish and English', (field) => {
    for (const kind of [...(RELATION_FIELDS[field]?.forward ?? []), ...(RELATION_FIELDS[field]?.backward ?? [])]) {
      const entries = cuesOf(kind);
      expect(entries.flatMap((e) => e.cues.da).length, `${field}: kind "${kind}" has no Danish cues`).toBeGreaterThan(0);
      expect(entries.flatMap((e) => e.cues.en).length, `${field}: kind "${kind}" has no English cues`).toBeGreaterThan(0);
    }
  });

  it('lists no relation the schema does not have', () => {
    const shape = (KnowledgeFileSchema as unknown as ZodLike)._zod.def.shape!;
    const exists = (field: string) => {
      const [kind, name] = field.split('.') as [string, string];
      const list = shape[kind] ? unwrap(shape[kind]!) : undefined;
      return list !== undefined && name in (unwrap(list._zod.def.element!)._zod.def.shape ?? {});
    };
    // contactFor may also name a document (not an item id), so it is a field the derivation does not see as an id.
    expect(Object.keys(RELATION_FIELDS).filter((f) => !fields.includes(f) && !exists(f))).toEqual([]);
  });

  it('compiles the lexicon', () => {
    expect(() => loadLexicon()).not.toThrow();
  });
});
