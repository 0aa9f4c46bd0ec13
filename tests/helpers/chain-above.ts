/**
 * The whole reporting line above a role, step by step, as the knowledge base's relations state it today (what a
 * "whole chain" answer must name), for tests that read their expectations from the data.
 */
import type { Relations } from '../../src/answering/relations.js';

/** The roles above `roleId`, nearest first, each once. */
export function chainAbove(relations: Relations, roleId: string): string[] {
  const steps: string[] = [];
  const seen = new Set([roleId]);
  for (let current = roleId; ; ) {
    const next = relations.up(current).find((e) => !seen.has(e.to));
    if (!next) return steps;
    steps.push(next.to);
    seen.add(next.to);
    current = next.to;
  }
}
