/**
 * The figures of a knowledge base's municipalities and units by what a question's test of them reads (the metric and
 * the text in both languages), built once per knowledge base (with the answerer, `prepare.ts`). At scale the same
 * figure is stated by many items (each municipality's copy): a question tests each distinct figure once instead of
 * every figure of every item.
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Figure, Municipality, Unit } from '../knowledge/schemas.js';
import { compoundSplits, MIN_PART } from './compound.js';
import { stemsOf, STOPWORDS, termsOf, tokenize } from './normalize.js';

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

/** True when some figure of the knowledge base is of `metric` (read from the index, no scan). */
export function statesMetric(kb: KnowledgeBase, metric: Figure['metric']): boolean {
  return figureOwnersOf(kb).byMetric.has(metric);
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

const FIGURE_TERMS = new WeakMap<object, FigureTerms>();

/** A figure's own terms, and the terms of the parts of its compound words ("vuggestue", "plads" of "vuggestueplads"). */
export interface FigureTerms {
  readonly terms: Map<Figure, ReadonlySet<string>>;
  readonly byTerm: Map<string, Figure[]>;
  /**
   * The stems of the first parts and heads of each figure's compound words ("venteliste": "vent", "list"), and its terms
   * in the other form the stemmer gives a word's inflections ("legeplad" beside "legeplads").
   */
  readonly parts: Map<Figure, ReadonlySet<string>>;
  readonly byPart: Map<string, Figure[]>;
}

/** The terms of every figure's text and of the parts of its compounds, made once per knowledge base (`prepare.ts`). */
export function figureTermIndex(kb: KnowledgeBase): FigureTerms {
  let index = FIGURE_TERMS.get(kb);
  if (!index) {
    const terms = new Map<Figure, ReadonlySet<string>>();
    const byTerm = new Map<string, Figure[]>();
    const parts = new Map<Figure, ReadonlySet<string>>();
    const byPart = new Map<string, Figure[]>();
    const add = (map: Map<string, Figure[]>, term: string, f: Figure) => {
      const list = map.get(term);
      if (list) list.push(f);
      else map.set(term, [f]);
    };
    // (Per distinct text: at scale many items state the same figure text.)
    const byText = new Map<string, { own: ReadonlySet<string>; split: ReadonlySet<string> }>();
    for (const f of [...kb.data.municipalities, ...kb.data.units].flatMap((x) => x.figures)) {
      const key = `${f.text.da}\u0000${f.text.en}`;
      let known = byText.get(key);
      if (!known) {
        const own = new Set([...termsOf(f.text.da), ...termsOf(f.text.en)]);
        const split = new Set<string>();
        for (const form of [...tokenize(f.text.da), ...tokenize(f.text.en)]) for (const term of compoundPartTerms(form)) if (!own.has(term)) split.add(term);
        // The Danish stemmer leaves one word's forms a final "s" apart ("legeplads" -> "legeplad", "legepladser" ->
        // "legeplads"): each of the figure's terms is said in the other form too.
        for (const term of own) {
          if (term.length < 5 || /\d/.test(term)) continue;
          const other = term.endsWith('s') ? term.slice(0, -1) : /[dt]$/.test(term) ? `${term}s` : undefined;
          if (other !== undefined && !own.has(other)) split.add(other);
        }
        byText.set(key, (known = { own, split }));
      }
      terms.set(f, known.own);
      parts.set(f, known.split);
      for (const term of known.own) add(byTerm, term, f);
      for (const term of known.split) add(byPart, term, f);
    }
    index = { terms, byTerm, parts, byPart };
    FIGURE_TERMS.set(kb, index);
  }
  return index;
}

/**
 * The stems of the parts of a Danish compound ("vuggestueplads": "vuggestu", "plad"; "venteliste": "vent", "list"), every
 * way of reading it as first part (+ a linking s/e) and head, both at least {@link MIN_PART} letters. A split that
 * is no real reading yields stems no question word has, so only a question's own word can meet one.
 */
function compoundPartTerms(form: string): string[] {
  if (form.length < 2 * MIN_PART || /\d/.test(form)) return [];
  const out = new Set<string>();
  for (const split of compoundSplits(form)) {
    for (const stem of stemsOf(split.modifier)) if (stem.length >= MIN_PART && !STOPWORDS.has(stem)) out.add(stem);
    for (const stem of split.headStems) if (stem.length >= MIN_PART && !STOPWORDS.has(stem)) out.add(stem);
  }
  return [...out];
}

const OF_UNITS = new WeakMap<KnowledgeBase, ReadonlyMap<string, ReadonlyArray<{ readonly owner: string; readonly figure: Figure }>>>();

/**
 * The figures of several units together (`ofUnits`: "Bøgely og Hasselbo får tilsammen 850.000 kr."), by each of those
 * units, with the item that states them (their common parent); made on first use, once per knowledge base.
 */
export function figuresOfUnits(kb: KnowledgeBase, unit: string): ReadonlyArray<{ readonly owner: string; readonly figure: Figure }> {
  let index = OF_UNITS.get(kb);
  if (!index) {
    const map = new Map<string, Array<{ owner: string; figure: Figure }>>();
    for (const { owner, figure } of figureOwnersOf(kb).stated) {
      for (const id of figure.ofUnits ?? []) {
        const list = map.get(id);
        if (list) list.push({ owner, figure });
        else map.set(id, [{ owner, figure }]);
      }
    }
    OF_UNITS.set(kb, (index = map));
  }
  return index.get(unit) ?? [];
}
