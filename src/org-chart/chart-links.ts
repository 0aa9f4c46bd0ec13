/**
 * Unguessable links to chart pictures: a random id names a chart (scope and language); only its SHA-256 is kept,
 * as the key. A request's id is hashed before the lookup, so lookup timing tells nothing about stored ids, and a
 * copy of the state does not give working links. The chart is drawn again from the knowledge base when asked.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod/v4';
import type { ChartScope } from './graph.js';

/** The durable state the links need (`src/storage`'s state store fits). */
export interface ChartLinkCell {
  read(): ChartLinkState;
  update<R>(fn: (draft: ChartLinkState) => R): Promise<R>;
}

const ScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('municipality'), municipality: z.string() }),
  z.object({ kind: z.literal('around'), ids: z.array(z.string()).max(50) }),
]);

/** One chart link: what to draw and when the link was made. */
export const ChartLinkSchema = z.object({
  scope: ScopeSchema,
  lang: z.enum(['da', 'en']),
  /** The day whose lines the picture shows (the day the link was made, so it matches its message). */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  createdAt: z.string(),
});
export type ChartLink = z.infer<typeof ChartLinkSchema>;

/** The links by the hex SHA-256 of their id. */
export const ChartLinkStateSchema = z.object({ links: z.record(z.string(), ChartLinkSchema).default({}) });
export type ChartLinkState = z.infer<typeof ChartLinkStateSchema>;

/** No links. */
export function emptyChartLinkState(): ChartLinkState {
  return { links: {} };
}

/** At most this many links are kept; the oldest go first (a chart in an old message then shows no picture). */
export const MAX_CHART_LINKS = 2_000;

/** A link id: 24 random bytes, URL-safe (192 bits). */
const ID = /^[A-Za-z0-9_-]{32}$/;

function hashOf(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** The chart links. */
export interface ChartLinks {
  /** Makes a new id for a chart. */
  add(scope: ChartScope, lang: 'da' | 'en', day: string): Promise<string>;
  /** The chart an id names, if it is one of ours. */
  find(id: string): Promise<ChartLink | undefined>;
}

/** Creates the chart links over a state cell. */
export function createChartLinks(options: { readonly cell: ChartLinkCell; readonly now: () => Date }): ChartLinks {
  const { cell, now } = options;
  return {
    async add(scope, lang, day) {
      const id = randomBytes(24).toString('base64url');
      const link = ChartLinkSchema.parse({ scope, lang, day, createdAt: now().toISOString() });
      await cell.update((draft) => {
        draft.links[hashOf(id)] = link;
        const keys = Object.keys(draft.links);
        if (keys.length > MAX_CHART_LINKS) {
          const oldest = keys.sort((a, b) => (draft.links[a]!.createdAt < draft.links[b]!.createdAt ? -1 : 1)).slice(0, keys.length - MAX_CHART_LINKS);
          for (const key of oldest) delete draft.links[key];
        }
      });
      return id;
    },
    async find(id) {
      if (!ID.test(id)) return undefined;
      const links = cell.read().links;
      const key = hashOf(id);
      return Object.hasOwn(links, key) ? links[key] : undefined;
    },
  };
}
