import type { UserRepository } from '../../users/ports/user.repository';
import type { CoachFilter } from '../domain/coach-profile';

/**
 * ID-C3: of these filters, those whose value no user of the tenant holds (`United-Kingdom`
 * written for `UK`: values compare exactly), in the order given. One search of the users by
 * custom field per filter: a cold path (a population's page, an import's chunk), never a
 * consumer's.
 */
export async function unmatchedFilters(
  users: UserRepository,
  tenantId: string,
  filters: readonly CoachFilter[],
): Promise<CoachFilter[]> {
  const unmatched: CoachFilter[] = [];
  for (const filter of filters) {
    const holders = await users.list(
      tenantId,
      { customField: { key: filter.field, value: filter.value } },
      { limit: 1 },
    );
    if (holders.items.length === 0) unmatched.push(filter);
  }
  return unmatched;
}
