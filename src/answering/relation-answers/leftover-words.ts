/**
 * The words of a question that nothing read so far accounts for: what an answer about a named item must still say.
 * (Its own file so that the answerers that read it, tasks and policies among them, import no one another.)
 */
import { analyzeText, foldText } from '../normalize.js';
import type { RelationContext } from './context.js';

/**
 * The content words of a question that neither a linked item, a cue, an intent word nor the municipality it names
 * ("in Høje-Taastrup": its words are accounted for by it) accounts for; a filler word ("egentlig", "actually") is none.
 */
export function leftoverWords(rc: RelationContext, covered: ReadonlySet<number>): string[] {
  const { u, kb } = rc;
  const municipalityWords = new Set(
    [...rc.municipalities].flatMap((id) => {
      const m = kb.get(id)?.item as { name?: string; names?: string[]; namesEn?: string[] } | undefined;
      return m ? [m.name ?? '', ...(m.names ?? []), ...(m.namesEn ?? [])].flatMap((n) => analyzeText(foldText(n)).map((w) => w.form)) : [];
    }),
  );
  return u.tokens
    .filter((tok, i) => !covered.has(i) && !u.cuePositions.has(i) && !u.intentWords.has(tok.form) && !municipalityWords.has(tok.form) && tok.form.length > 2 && !FUNCTION_WORDS.has(tok.form) && !rc.lexicon.fillerWords.has(tok.form))
    .map((tok) => tok.form);
}

/**
 * The few function words a task question's leftover words may not be. Deliberately narrower than `STOPWORDS`, which
 * also drops content-bearing verbs ("work", "use", "have", "lave", "bruge"): those stay here, so a post's own task
 * lines can be picked by them (using `STOPWORDS` here changes which task lines lead).
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(['the', 'of', 'in', 'for', 'af', 'i', 'har', 'er', 'is', 'are', 'what', 'hvad', 'hvilke', 'which', 'den', 'det', 'de', 'does', 'do', 'did']);
