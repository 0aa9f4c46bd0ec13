/**
 * The message extensions feature: knowledge search from the compose box and "create task" from any message's
 * "…" menu (see `src/teams/message-extensions/`). It keeps no state of its own: answers come from the question
 * engine, tasks go to the domain's task store (the one `opgave` uses).
 */
import { registerCreateTask } from '../message-extensions/create-task.js';
import { registerKnowledgeSearch } from '../message-extensions/knowledge-search.js';
import type { FeatureFactory, TeamsFeature } from './index.js';

/** The production message extensions feature. */
export const createMessageExtensionsFeature: FeatureFactory = function messageExtensions(services): TeamsFeature {
  const { config, knowledge, now } = services;
  const engine = () => {
    if (!services.engine) throw new Error('message extensions: no question engine was given to the feature');
    return services.engine();
  };
  return {
    name: 'message-extensions',
    invokes(application, contextOf) {
      registerKnowledgeSearch(application, contextOf, { engine });
      registerCreateTask(application, contextOf, {
        knowledge,
        taskStore: () => services.domain.tasks,
        leaderIds: config.leaderIds,
        timeZone: config.timeZone,
        now,
      });
    },
  };
};
