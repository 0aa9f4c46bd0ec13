/**
 * The feature registry: each feature (tasks, reminders, ...) contributes command handlers and card
 * actions over the domain services the composition root hands it; features never find each other here.
 *
 * To add a feature: write `src/teams/handlers/<feature>.ts` exporting a {@link FeatureFactory} and add it
 * to {@link DEFAULT_FEATURES} below (the only edit needed outside your files).
 */
import { createCalendarFeature } from './calendar.js';
import { createMessageExtensionsFeature } from './message-extensions.js';
import { createOrgChartFeature } from './org-chart.js';
import { createFeedbackFeature } from './feedback.js';
import { createRemindersFeature } from './reminders.js';
import { createTasksFeature } from './tasks.js';
import type { FeatureFactory } from './feature.js';

export type * from './feature.js';
export type * from './types.js';

/** The features of the production bot, in the order their commands are tried. */
export const DEFAULT_FEATURES: readonly FeatureFactory[] = [
  createTasksFeature,
  createRemindersFeature,
  createFeedbackFeature,
  createOrgChartFeature,
  createCalendarFeature,
  createMessageExtensionsFeature,
];
