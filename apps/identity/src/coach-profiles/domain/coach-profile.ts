/** One learner-access filter (ID-C3): the custom field and the exact value it must hold. */
export interface CoachFilter {
  field: string;
  value: string;
}

export const MAX_COACH_FILTERS = 20;
/** The longest field, value or role name a profile holds. */
export const MAX_COACH_TEXT = 100;

/**
 * ID-C1: a coach, as its manager account (the profile's key) linked to its learner account,
 * with the names of its two rights and the filters that make its learner population (ID-C3).
 */
export interface CoachProfile {
  /** The manager account's user id: a coach has one profile. */
  id: string;
  tenantId: string;
  learnerUserId: string;
  /** The right "can access the learners section", as the tenant names it. */
  roleLearnerManager: string;
  /** The right "can be a coach", as the tenant names it. */
  roleCoach: string;
  /** Each once, sorted by field then value. */
  filters: CoachFilter[];
  /**
   * Grows whenever what decides the population changes (the filters or the learner account):
   * a population member remembers the one it was decided with.
   */
  populationVersion: number;
  /** Where the recomputation of the population has got to (a users page cursor); null: from the start. */
  populationCursor: string | null;
  /** When the whole population was last recomputed; null while a recomputation runs. */
  populationRecomputedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Set when the profile is deleted: the document stays as a tombstone that nobody finds. */
  deletedAt: Date | null;
  version: number;
}

export interface CoachProfileDefinition {
  tenantId: string;
  managerUserId: string;
  learnerUserId: string;
  roleLearnerManager: string;
  roleCoach: string;
  filters: readonly CoachFilter[];
}

/** Why a definition is refused, each with its own error code. */
export type CoachProfileProblem =
  | { rule: 'same-account' }
  | { rule: 'role-invalid'; role: 'roleLearnerManager' | 'roleCoach' }
  | { rule: 'too-many-filters'; count: number }
  | { rule: 'filter-invalid'; index: number };

export type DefineCoachProfileDecision =
  | { outcome: 'created' | 'replaced'; profile: CoachProfile; populationChanged: boolean }
  | { outcome: 'unchanged'; profile: CoachProfile }
  | { outcome: 'refused'; problem: CoachProfileProblem };

/** ID-C1: whether an account in this state can be linked as a coach's: activated or active, not deactivated or expired. */
export function isLinkableAccountState(state: string): boolean {
  return state === 'activated' || state === 'active';
}

/** The first rule a definition breaks, or null (whatever its tenant). */
export function coachProfileProblem(
  definition: Omit<CoachProfileDefinition, 'tenantId'>,
): CoachProfileProblem | null {
  if (definition.managerUserId === definition.learnerUserId) return { rule: 'same-account' };
  for (const role of ['roleLearnerManager', 'roleCoach'] as const)
    if (!isText(definition[role])) return { rule: 'role-invalid', role };
  if (definition.filters.length > MAX_COACH_FILTERS)
    return { rule: 'too-many-filters', count: definition.filters.length };
  const index = definition.filters.findIndex((filter) => !isText(filter.field) || !isText(filter.value));
  return index >= 0 ? { rule: 'filter-invalid', index } : null;
}

/** Non-empty once trimmed, at most {@link MAX_COACH_TEXT} characters. */
function isText(text: unknown): text is string {
  return typeof text === 'string' && text.trim().length > 0 && text.length <= MAX_COACH_TEXT;
}

/** The filters each once, sorted by field then value: the form a profile stores and compares. */
export function normalizeFilters(filters: readonly CoachFilter[]): CoachFilter[] {
  const unique = new Map(filters.map((filter) => [JSON.stringify([filter.field, filter.value]), filter]));
  return [...unique.values()]
    .map(({ field, value }) => ({ field, value }))
    .sort((a, b) => compareText(a.field, b.field) || compareText(a.value, b.value));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sameFilters(a: readonly CoachFilter[], b: readonly CoachFilter[]): boolean {
  return (
    a.length === b.length &&
    a.every((filter, i) => filter.field === b[i].field && filter.value === b[i].value)
  );
}

/**
 * Creates the coach's profile, or replaces the one stored (a deleted one comes back with the
 * next version). A change of the filters or of the learner account changes what decides the
 * population (`populationChanged`): the population is then recomputed from the start.
 * Role names are kept as given, trimmed; field names and values exactly as given (ID-C3:
 * values compare exactly, case-sensitive).
 */
export function defineCoachProfile(
  stored: CoachProfile | null,
  definition: CoachProfileDefinition,
  now: Date,
): DefineCoachProfileDecision {
  const problem = coachProfileProblem(definition);
  if (problem) return { outcome: 'refused', problem };
  const filters = normalizeFilters(definition.filters);
  const roleLearnerManager = definition.roleLearnerManager.trim();
  const roleCoach = definition.roleCoach.trim();
  if (!stored)
    return {
      outcome: 'created',
      populationChanged: true,
      profile: {
        id: definition.managerUserId,
        tenantId: definition.tenantId,
        learnerUserId: definition.learnerUserId,
        roleLearnerManager,
        roleCoach,
        filters,
        populationVersion: 1,
        populationCursor: null,
        populationRecomputedAt: null,
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
        version: 1,
      },
    };
  const revived = stored.deletedAt !== null;
  const populationChanged =
    revived || stored.learnerUserId !== definition.learnerUserId || !sameFilters(stored.filters, filters);
  if (
    !populationChanged &&
    stored.roleLearnerManager === roleLearnerManager &&
    stored.roleCoach === roleCoach
  )
    return { outcome: 'unchanged', profile: stored };
  return {
    outcome: revived ? 'created' : 'replaced',
    populationChanged,
    profile: {
      ...stored,
      learnerUserId: definition.learnerUserId,
      roleLearnerManager,
      roleCoach,
      filters,
      ...(populationChanged
        ? {
            populationVersion: stored.populationVersion + 1,
            populationCursor: null,
            populationRecomputedAt: null,
          }
        : {}),
      ...(revived ? { createdAt: now, deletedAt: null } : {}),
      updatedAt: now,
      version: stored.version + 1,
    },
  };
}

/** The profile deleted (a tombstone), with the next version. */
export function deleteCoachProfile(profile: CoachProfile, now: Date): CoachProfile {
  return { ...profile, deletedAt: now, updatedAt: now, version: profile.version + 1 };
}
