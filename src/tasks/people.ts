/**
 * Finding a knowledge-base person by a name as typed in a chat ("Tanja", "tanja hansen", "Søren" / "Soeren").
 */
import { normalizeName } from '../knowledge/normalize-name.js';
import type { KnownPerson } from './commands.js';

/**
 * A lookup by name: the full name, or a unique match of its first words or of its last name. Ambiguous or unknown
 * names find nobody, so the user is asked to @mention instead of the task going to the wrong person.
 */
export function createPersonFinder(people: readonly KnownPerson[]): (name: string) => KnownPerson | undefined {
  const indexed = people.map((person) => ({ person, words: normalizeName(person.name).split(' ') }));
  return (name) => {
    const wanted = normalizeName(name);
    if (wanted === '') return undefined;
    const exact = indexed.filter((p) => p.words.join(' ') === wanted);
    if (exact.length > 0) return exact.length === 1 ? exact[0]?.person : undefined;
    const wantedWords = wanted.split(' ');
    const partial = indexed.filter(
      (p) =>
        wantedWords.every((w, i) => p.words[i] === w) ||
        (wantedWords.length === 1 && p.words.length > 1 && p.words[p.words.length - 1] === wantedWords[0]),
    );
    return partial.length === 1 ? partial[0]?.person : undefined;
  };
}
