/**
 * `npx tsx bench/load.ts [conversations] [messages]`: the full load check, 50 conversations x 100 messages at
 * once against the real bot (in-process, fake connector on 127.0.0.1). Prints throughput and latency and
 * exits 1 on any HTTP error, unanswered message or lost task. The test suite runs a smaller version
 * (tests/e2e/load.test.ts).
 */
import { runConversationLoad } from '../tests/helpers/conversation-load.js';
import { startTestBot } from '../tests/helpers/test-bot.js';
import { summarize } from './stats.js';

const conversations = Number(process.argv[2] ?? 50);
const messagesPerConversation = Number(process.argv[3] ?? 100);

const t = await startTestBot({ env: { LOG_LEVEL: 'warn' } });
try {
  const outcome = await runConversationLoad(t, { conversations, messagesPerConversation, replyTimeoutMs: 30_000 });
  const tasks = await t.bot.domain.tasks.openTasks();
  const latency = summarize(outcome.latenciesMs);
  const errorLogs = t.logs.filter((line) => line.level >= 50);
  const problems = [
    ...outcome.errors.slice(0, 10),
    ...outcome.unanswered.slice(0, 10).map((message) => `no reply: ${message}`),
    ...(tasks.length === outcome.taskCreates ? [] : [`${outcome.taskCreates} task creates sent, ${tasks.length} tasks stored`]),
    ...errorLogs.slice(0, 10).map((line) => `error logged: ${line.msg}`),
  ];
  console.log(
    [
      `load: ${conversations} conversations x ${messagesPerConversation} messages = ${outcome.sent} messages in ${(outcome.elapsedMs / 1000).toFixed(1)} s`,
      `  ${Math.round(outcome.sent / (outcome.elapsedMs / 1000))} messages/s; latency p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, max ${latency.max.toFixed(1)} ms`,
      `  errors ${outcome.errors.length}, unanswered ${outcome.unanswered.length}, tasks ${tasks.length}/${outcome.taskCreates}, error logs ${errorLogs.length}`,
      ...problems.map((problem) => `  ! ${problem}`),
    ].join('\n'),
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
} finally {
  await t.close();
}
