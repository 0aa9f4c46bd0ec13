/**
 * Answers read straight off the knowledge base's relations, for the items the question names:
 * reporting lines (up, down, the whole chain), who leads what, members and participants, tasks,
 * contacts of a posting, figures by metric, policies by role/unit/municipality, a period's dates,
 * and what the documents do not say about a person (phone, salary). Each returns undefined when
 * the question is not of its kind or names nothing it can answer for, and the general search
 * takes over.
 *
 * One file per relation; `context.ts` holds what they share.
 */
export { describedItems, subjectsOf } from './context.js';
export type { RelationContext } from './context.js';
export { answerComingLines, answerConditionalLine, answerGenitiveBoss, answerReportingRelation } from './reporting.js';
export { answerDescribedLeader, answerOtherTitleLeader, answerLeaderRelation, answerHolderRelation, answerTitledPerson, answerPersonPost, answerPersonRole, titleWordsOf } from './leaders-and-holders.js';
export { answerMembershipOn, answerMembershipWhen } from './membership-on.js';
export { answerMembersRelation, answerMeetingRelation, answerRoleMeetings } from './members-and-meetings.js';
export { answerTasksRelation, answerWhoDoes, taskIndexOf } from './tasks.js';
export { answerContactFor, answerContactsRelation, answerDocumentContact, answerNumberOwner, answerPostingContacts, answerReachPerson } from './contacts.js';
export { answerAttribute } from './partly-known.js';
export { answerFiguresRelation, complementsSaid, countedPosts, countedRoleMetrics, countedWords, countLinkAt, countsAsked, countsJoined, countsOwnValue, measuresSaid, countSpan, differenceOf, eachUnits, municipalityAt, personMetrics, totalOf } from './figures.js';
export { answerAbbreviation, answerDifference } from './definitions.js';
export { answerPoliciesRelation, answerPolicyFields, answerPolicyStatements } from './policies.js';
export { answerPostingTerms } from './posting-terms.js';
export { answerCountInStatements, answerProgrammesRelation, answerParts, answerProgrammeStatements } from './programmes-and-parts.js';
export { actingLines, describedNames, ownCuePositions, scopeSuffix, answerActingHolders, answerPolicyAdoption, answerUnitParent, answerUnitsUnder, holderName, periodText } from './org-changes.js';
