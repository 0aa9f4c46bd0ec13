/**
 * The indexes of a knowledge base that answerers otherwise build on first use, built with the answerer instead: the
 * question that first needs one would pay for a pass over a whole collection (tens of milliseconds at 100x), and the
 * answers do not change (each is a pure function of the knowledge base, kept per knowledge base).
 */
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import { figureTermIndex } from './figure-owners.js';
import { meetingIndexOf } from './meeting-index.js';
import { figureOwnersOf } from './figure-owners.js';
import { documentContactsOf } from './relation-answers/contacts.js';
import { rolesByNameStart } from './relation-answers/role-name-starts.js';
import { decisionIndexOf } from './relation-answers/decisions.js';
import { describedPostsOf } from './relation-answers/described-post.js';
import { policyIndexOf, policyTopicIndexOf } from './relation-answers/policies.js';
import { bodyIndexOf } from './relation-answers/members-and-meetings.js';
import type { Lexicon } from './lexicon/lexicon.js';
import { suggestQuestions } from './suggestions.js';

/** Builds every per-knowledge-base index of the answerers that is not built by `createAnswerer` itself. */
export function prepareIndexes(kb: KnowledgeBase, lexicon: Lexicon): void {
  suggestQuestions(kb, 'da');
  suggestQuestions(kb, 'en');
  documentContactsOf(kb);
  rolesByNameStart(kb);
  decisionIndexOf(kb);
  figureTermIndex(kb);
  describedPostsOf(kb, lexicon);
  meetingIndexOf(kb);
  figureOwnersOf(kb);
  policyIndexOf(kb);
  policyTopicIndexOf(kb);
  bodyIndexOf(kb);
}
