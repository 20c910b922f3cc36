/** ID-C3: whether a user is in a coach's population; a member who left stays as `removed`. */
export const POPULATION_MEMBER_STATUSES = ['member', 'removed'] as const;
export type PopulationMemberStatus = (typeof POPULATION_MEMBER_STATUSES)[number];

/** One user in (or once in) one coach's population, keyed `tenant:coach:user`. */
export interface PopulationMember {
  id: string;
  tenantId: string;
  coachId: string;
  userId: string;
  status: PopulationMemberStatus;
  /** The user's version this was decided from. */
  userVersion: number;
  /** The profile's `populationVersion` this was decided with. */
  populationVersion: number;
  updatedAt: Date;
  version: number;
}

export function populationMemberId(tenantId: string, coachId: string, userId: string): string {
  return `${tenantId}:${coachId}:${userId}`;
}

/** Whether a user belongs to a coach's population, as decided from one state of each. */
export interface MembershipVerdict {
  tenantId: string;
  coachId: string;
  userId: string;
  member: boolean;
  userVersion: number;
  populationVersion: number;
}

export type MembershipDecision =
  | { outcome: 'unchanged' }
  | { outcome: 'added' | 'removed'; member: PopulationMember };

/**
 * The stored membership brought in line with a verdict. A verdict decided from an older user
 * or an older profile than the stored one changes nothing (a late or redelivered event, a
 * recomputation that read a user before its last change); nor does one that agrees with it.
 */
export function decideMembership(
  stored: PopulationMember | null,
  verdict: MembershipVerdict,
  now: Date,
): MembershipDecision {
  if (
    stored &&
    (verdict.userVersion < stored.userVersion || verdict.populationVersion < stored.populationVersion)
  )
    return { outcome: 'unchanged' };
  const isMember = stored?.status === 'member';
  if (isMember === verdict.member) return { outcome: 'unchanged' };
  return {
    outcome: verdict.member ? 'added' : 'removed',
    member: {
      id: populationMemberId(verdict.tenantId, verdict.coachId, verdict.userId),
      tenantId: verdict.tenantId,
      coachId: verdict.coachId,
      userId: verdict.userId,
      status: verdict.member ? 'member' : 'removed',
      userVersion: verdict.userVersion,
      populationVersion: verdict.populationVersion,
      updatedAt: now,
      version: (stored?.version ?? 0) + 1,
    },
  };
}
