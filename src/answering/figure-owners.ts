/**
 * The figures of a knowledge base's municipalities and units by what a question's test of them reads (the metric and
 * the text in both languages), built once per knowledge base (with the answerer, `prepare.ts`). At scale the same
 * figure is stated by many items (each municipality's copy): a question tests each distinct figure once instead of
 * every figure of every item.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Figure, Municipality, Unit } from '../knowledge/schemas.js';
import { termsOf } from './normalize.js';

/** The distinct figures and the items stating them. */
export interface FigureOwners {
  /** Every municipality, then every unit, in the knowledge base's order. */
  readonly items: ReadonlyArray<Municipality | Unit>;
  /** One figure of each distinct (metric, Danish text, English text), in order of first appearance. */
  readonly distinct: readonly Figure[];
  /** Each figure's place in `distinct`. */
  readonly place: ReadonlyMap<Figure, number>;
  /** Every figure with the item stating it, in the order of `items` and of each item's figures. */
  readonly stated: ReadonlyArray<{ readonly owner: string; readonly figure: Figure }>;
  /** The places in `stated` of each metric's figures, ascending. */
  readonly byMetric: ReadonlyMap<Figure['metric'], readonly number[]>;
  /** The item stating each figure. */
  readonly ownerOf: ReadonlyMap<Figure, string>;
}

const INDEXES = new WeakMap<KnowledgeBase, FigureOwners>();

/** The figure owners of a knowledge base, built on first use. */
export function figureOwnersOf(kb: KnowledgeBase): FigureOwners {
  let index = INDEXES.get(kb);
  if (index) return index;
  const items = [...kb.data.municipalities, ...kb.data.units];
  const distinct: Figure[] = [];
  const place = new Map<Figure, number>();
  const byKey = new Map<string, number>();
  const stated: Array<{ owner: string; figure: Figure }> = [];
  const byMetric = new Map<Figure['metric'], number[]>();
  const ownerOf = new Map<Figure, string>();
  for (const item of items) {
    for (const f of item.figures) {
      ownerOf.set(f, item.id);
      const list = byMetric.get(f.metric);
      if (list) list.push(stated.length);
      else byMetric.set(f.metric, [stated.length]);
      stated.push({ owner: item.id, figure: f });
      const key = `${f.metric}\u0000${f.text.da}\u0000${f.text.en}`;
      let at = byKey.get(key);
      if (at === undefined) {
        byKey.set(key, (at = distinct.length));
        distinct.push(f);
      }
      place.set(f, at);
    }
  }
  index = { items, distinct, place, stated, byMetric, ownerOf };
  INDEXES.set(kb, index);
  return index;
}

/**
 * The municipalities and units (in the knowledge base's order) stating a figure that `fits`, which must read only a
 * figure's metric and text: it is asked once per distinct figure.
 */
export function itemsStating(kb: KnowledgeBase, fits: (f: Figure) => boolean): Array<Municipality | Unit> {
  const { items, distinct, place } = figureOwnersOf(kb);
  const fitting = distinct.map(fits);
  return items.filter((x) => x.figures.some((f) => fitting[place.get(f)!]));
}

/** True when some figure of the knowledge base `fits`, which must read only a figure's metric and text. */
export function someFigure(kb: KnowledgeBase, fits: (f: Figure) => boolean): boolean {
  return figureOwnersOf(kb).distinct.some(fits);
}

/** Every figure of one of the metrics with the item stating it, in the order of the items and of their figures. */
export function figuresOfMetrics(kb: KnowledgeBase, metrics: ReadonlyArray<Figure['metric']>): Array<{ readonly owner: string; readonly figure: Figure }> {
  const { stated, byMetric } = figureOwnersOf(kb);
  const at = [...new Set(metrics)].flatMap((m) => byMetric.get(m) ?? []);
  if (new Set(metrics).size > 1) at.sort((a, b) => a - b);
  return at.map((i) => stated[i]!);
}

/** Every figure's terms (both languages), and the figures by term, made once per knowledge base. */
const FIGURE_TERMS = new WeakMap<object, { terms: Map<Figure, ReadonlySet<string>>; byTerm: Map<string, Figure[]> }>();
export function figureTermIndex(kb: KnowledgeBase): { terms: Map<Figure, ReadonlySet<string>>; byTerm: Map<string, Figure[]> } {
  let index = FIGURE_TERMS.get(kb);
  if (!index) {
    const terms = new Map<Figure, ReadonlySet<string>>();
    const byTerm = new Map<string, Figure[]>();
    for (const f of [...kb.data.municipalities, ...kb.data.units].flatMap((x) => x.figures)) {
      const own = new Set([...termsOf(f.text.da), ...termsOf(f.text.en)]);
      terms.set(f, own);
      for (const term of own) {
        const list = byTerm.get(term);
        if (list) list.push(f);
        else byTerm.set(term, [f]);
      }
    }
    index = { terms, byTerm };
    FIGURE_TERMS.set(kb, index);
  }
  return index;
}
