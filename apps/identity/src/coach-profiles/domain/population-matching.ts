import type { CoachFilter, CoachProfile } from './coach-profile';

/** What population matching needs of a user. */
export interface PopulationCandidate {
  id: string;
  customFields: Readonly<Record<string, string>>;
  /** A deleted user belongs to no population. */
  deleted: boolean;
}

/**
 * ID-C3: whether custom fields match a coach's filters. Values compare exactly (`UK` matches
 * neither `uk` nor `United-Kingdom`). Filters on different fields must all hold; several
 * filters on the same field admit any of their values (`COUNTRY=UK` and `COUNTRY=IE`: either
 * country). No filters match nobody: a coach without filters has no population, rather than
 * every learner of the tenant.
 */
export function matchesFilters(
  customFields: Readonly<Record<string, string>>,
  filters: readonly CoachFilter[],
): boolean {
  if (filters.length === 0) return false;
  const valuesByField = new Map<string, Set<string>>();
  for (const { field, value } of filters)
    valuesByField.set(field, (valuesByField.get(field) ?? new Set()).add(value));
  for (const [field, values] of valuesByField) {
    if (!Object.prototype.hasOwnProperty.call(customFields, field)) return false;
    if (!values.has(customFields[field])) return false;
  }
  return true;
}

/**
 * Whether a user belongs to the population of a coach: not deleted, neither of the coach's
 * own two accounts, and matching its filters. A deactivated or expired learner stays in it.
 */
export function belongsToPopulation(
  profile: Pick<CoachProfile, 'id' | 'learnerUserId' | 'filters' | 'deletedAt'> | null,
  user: PopulationCandidate,
): boolean {
  if (!profile || profile.deletedAt !== null || user.deleted) return false;
  if (user.id === profile.id || user.id === profile.learnerUserId) return false;
  return matchesFilters(user.customFields, profile.filters);
}

/** The filters of custom fields: each field and value pair a user holds, the keys a coach can be found by. */
export function filtersHeldBy(customFields: Readonly<Record<string, string>>): CoachFilter[] {
  return Object.entries(customFields).map(([field, value]) => ({ field, value }));
}
