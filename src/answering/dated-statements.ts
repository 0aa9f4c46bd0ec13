/**
 * Statements that hold only for a period or under a condition ("from 1 August 2027 the house also has a
 * nursery"), told with it. Answerers read statements' texts in many places (a unit's facts, a role's
 * responsibilities, a posting's conditions, the knowledge base's facts); instead of each of them learning the
 * period, the answerer reads a copy of the knowledge base whose dated statements say their period in their own
 * text: "… (fra 1. august 2027)" / "… (from 1 August 2027)". Told, not filtered: a statement whose period has
 * passed or not begun stays true as said, so the answer never depends on the day the answerer was built.
 */
import { createKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { KnowledgeData, Text } from '../knowledge/schemas.js';
import type { Dated } from '../knowledge/validity.js';
import { periodPhrase } from './answer-context.js';
import type { Lang } from './types.js';

type Conditioned = Dated & { readonly condition?: Text | undefined };

/** "fra 1. august 2027", "while …": the period and condition in one language. */
function qualifier(item: Conditioned, lang: Lang): string {
  return [periodPhrase(item.validFrom, item.validUntil, lang), item.condition?.[lang] ?? ''].filter((part) => part !== '').join(', ');
}

const isQualified = (item: Conditioned): boolean => item.validFrom !== undefined || item.validUntil !== undefined || item.condition !== undefined;

const told = (text: Text, item: Conditioned): Text => ({ da: `${text.da} (${qualifier(item, 'da')})`, en: `${text.en} (${qualifier(item, 'en')})` });

/** A statement `{da, en, source, …}` of the schema: its own texts are what answers read. */
function isStatement(value: object): value is Conditioned & Text & { source: unknown } {
  const v = value as Record<string, unknown>;
  return typeof v.da === 'string' && typeof v.en === 'string' && v.source !== undefined;
}

/** Every dated statement inside a value, told with its period; unchanged values are returned as they are. */
function tellPeriods<T>(value: T): T {
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const next = tellPeriods(v);
      changed ||= next !== v;
      return next;
    });
    return (changed ? out : value) as T;
  }
  if (value === null || typeof value !== 'object') return value;
  if (isStatement(value)) return (isQualified(value) ? { ...value, ...told(value, value) } : value) as T;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const next = tellPeriods(v);
    changed ||= next !== v;
    out[key] = next;
  }
  return (changed ? out : value) as T;
}

/**
 * The knowledge base as answers read it: every dated or conditional statement and fact says its period; the same
 * object when none is (so the per-knowledge-base indexes of an undated base are shared as before).
 */
export function withStatementPeriods(kb: KnowledgeBase): KnowledgeBase {
  const facts = kb.data.facts.map((fact) => (isQualified(fact) ? { ...fact, text: told(fact.text, fact) } : fact));
  const rest = tellPeriods({ ...kb.data, facts: [] as KnowledgeData['facts'] });
  const factsChanged = facts.some((fact, i) => fact !== kb.data.facts[i]);
  if (!factsChanged && Object.entries(rest).every(([key, v]) => key === 'facts' || v === kb.data[key as keyof KnowledgeData])) return kb;
  return createKnowledgeBase({ ...rest, facts } as KnowledgeData);
}
