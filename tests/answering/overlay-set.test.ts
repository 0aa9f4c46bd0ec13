/**
 * The overlay over a question's asking words (issue 11.6, speed) behaves as a `Set` copied from its base and then
 * changed the same way: the same members, size and order after any adds and deletes, over layers of overlays, and the
 * base is never changed.
 */
import { describe, expect, it } from 'vitest';
import { OverlaySet } from '../../src/answering/overlay-set.js';

/** A small deterministic random sequence (no dependence on Math.random). */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('OverlaySet', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('matches a changed copy of its base (run %i)', (seed) => {
    const random = sequence(seed);
    const words = ['hvem', 'who', 'hvad', 'what', 'leder', 'frist', 'deadline', 'møde', 'meeting', 'x'];
    const base = new Set(words.filter(() => random() < 0.5));
    const frozen = [...base];
    let overlay: OverlaySet<string> = new OverlaySet(base);
    let copy = new Set(base);
    for (let step = 0; step < 60; step++) {
      const word = words[Math.floor(random() * words.length)]!;
      const action = random();
      if (action < 0.4) {
        overlay.add(word);
        copy.add(word);
      } else if (action < 0.8) {
        expect(overlay.delete(word)).toBe(copy.delete(word));
      } else {
        // A layer over the layer, as each step of reading a question makes.
        overlay = new OverlaySet(overlay);
        copy = new Set(copy);
      }
      expect([...overlay]).toEqual([...copy]);
      expect(overlay.size).toBe(copy.size);
      for (const w of words) expect(overlay.has(w), w).toBe(copy.has(w));
    }
    expect([...overlay.entries()]).toEqual([...copy.entries()]);
    expect([...overlay.keys()]).toEqual([...copy.keys()]);
    const seen: string[] = [];
    overlay.forEach((value, again, set) => {
      expect(again).toBe(value);
      expect(set).toBe(overlay);
      seen.push(value);
    });
    expect(seen).toEqual([...copy]);
    expect([...base]).toEqual(frozen);
  });

  it('puts a base word deleted and added again last, as a copy does', () => {
    const overlay = new OverlaySet(new Set(['a', 'b', 'c']));
    overlay.delete('a');
    overlay.add('d');
    overlay.add('a');
    overlay.add('b');
    expect([...overlay]).toEqual(['b', 'c', 'd', 'a']);
    expect(overlay.delete('zz')).toBe(false);
    expect(overlay.delete('a')).toBe(true);
    expect(overlay.has('a')).toBe(false);
    expect(overlay.size).toBe(3);
  });
});
