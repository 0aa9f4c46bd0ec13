/**
 * Quick follow-up tasks: the model, the store, the chat commands and the replies.
 */
export * from './task.js';
export * from './task-store.js';
export * from './commands.js';
export * from './phrases.js';
export * from './reply.js';
export * from './people.js';
export { canChangeTasks } from './authorization.js';
