/**
 * Who may change tasks: the leadership team, by id (never by display name).
 */

/**
 * Whether a user may create, complete and change tasks: `leaderIds` (LEADER_IDS) lists Entra object ids, or Teams
 * user ids; an empty list means everyone (local mode). Anyone may list tasks.
 * @example canChangeTasks(activity.from.aadObjectId, config.leaderIds, activity.from.id)
 */
export function canChangeTasks(userAadObjectId: string | undefined, leaderIds: readonly string[], teamsUserId?: string): boolean {
  if (leaderIds.length === 0) return true;
  return [userAadObjectId, teamsUserId].some((id) => id !== undefined && id !== '' && leaderIds.includes(id));
}
