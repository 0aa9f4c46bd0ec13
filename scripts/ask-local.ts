/**
 * Asks the answering engine questions from the command line, without Teams: a quick check of the
 * knowledge base and the engine. Usage: `npx tsx scripts/ask-local.ts "Hvem refererer klyngelederne til?"`
 * or `--questions file.json` (the eval format: {questions: [{id, text}]}).
 */
import { readFileSync } from 'node:fs';
import { createAnswerer, renderAnswerText } from '../src/answering/index.js';
import { loadKnowledgeOrThrow } from '../src/knowledge/load-knowledge.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const kb = await loadKnowledgeOrThrow(process.env.KNOWLEDGE_DIR ?? 'data');
  const answerer = createAnswerer(kb, { now: () => new Date() });
  const fileIndex = args.indexOf('--questions');
  const questions: Array<{ id: string; text: string }> =
    fileIndex >= 0
      ? JSON.parse(readFileSync(args[fileIndex + 1]!, 'utf8')).questions
      : args.map((text, i) => ({ id: String(i + 1), text }));
  for (const q of questions) {
    const answer = answerer.answer(q.text);
    console.log(`=== ${q.id}: ${q.text}  [${answer.kind}]\n${renderAnswerText(answer)}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
