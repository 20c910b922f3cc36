import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, newId, type Clock, withOptimisticRetry, normalizeEmail } from '@lms/kernel';
import { type User } from '../../users/domain/user';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import { UserNotFoundError } from '../../users/users.errors';
import {
  addManagee,
  MAX_MANAGEES_PER_REQUEST,
  screenManagee,
  type ManageeOutcome,
} from '../domain/manager-relation';
import { manageeEvent } from '../organisation-events';
import { ManageeRequestInvalidError } from '../organisation.errors';
import {
  MANAGER_RELATION_REPOSITORY,
  type ManagerRelationRepository,
} from '../ports/manager-relation.repository';
import { DerivedRoleRefresh } from './derived-role-refresh';

export interface AddManageesCommand {
  tenantId: string;
  managerId: string;
  /** The managees by user id; or else by email, never both. */
  userIds?: readonly string[];
  emails?: readonly string[];
}

/** What became of one id or email of the request, in the order asked, each once. */
export interface ManageeResult {
  /** The id asked for, or the user found by the email asked for; null: no such user. */
  userId: string | null;
  /** The email asked for; null when asked by id. */
  email: string | null;
  outcome: ManageeOutcome;
}

/**
 * ID-G4: gives a manager many managees at once, by ids or by emails (at most 1,000). Only
 * active accounts of the tenant become managees; the answer tells per id or email what
 * happened: `added`, `already` (a managee already), `not_found`, `not_active`, `self`. Each
 * relation is written with its `manager.managee-added`; the manager's derived roles follow
 * (ID-R1: a user with managees is a Manager).
 */
@Injectable()
export class AddManageesUseCase {
  constructor(
    @Inject(MANAGER_RELATION_REPOSITORY) private readonly relations: ManagerRelationRepository,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    private readonly roles: DerivedRoleRefresh,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: AddManageesCommand): Promise<ManageeResult[]> {
    const { tenantId, managerId } = command;
    // The manager first: another tenant's user is not found, whatever the body asks (no hint of it).
    if (!(await this.users.findById(tenantId, managerId))) throw new UserNotFoundError(managerId);
    const asked = candidatesOf(command);

    const results: ManageeResult[] = [];
    for (const candidate of asked) {
      const user =
        candidate.by === 'id'
          ? await this.users.findById(tenantId, candidate.value)
          : await this.users.findByEmail(tenantId, normalizeEmail(candidate.value));
      results.push({
        userId: candidate.by === 'id' ? candidate.value : (user?.id ?? null),
        email: candidate.by === 'email' ? candidate.value : null,
        outcome: await this.add(tenantId, managerId, user),
      });
    }
    if (results.some((result) => result.outcome === 'added')) await this.roles.refresh(tenantId, [managerId]);
    return results;
  }

  private async add(tenantId: string, managerId: string, user: User | null): Promise<ManageeOutcome> {
    const screened = screenManagee(managerId, user);
    if (screened !== 'eligible') return screened;
    if (!user) return 'not_found';
    return withOptimisticRetry<ManageeOutcome>(async () => {
      const now = this.clock.now();
      const existing = await this.relations.find(tenantId, managerId, user.id);
      const decision = addManagee(existing, { id: newId(now), tenantId, managerId, manageeId: user.id }, now);
      if (decision.outcome === 'already') return { outcome: 'written', value: 'already' };
      const added = [manageeEvent(this.events, 'added', decision.relation)];
      const outcome = existing
        ? await this.relations.update(decision.relation, existing.version, added)
        : await this.relations.insert(decision.relation, added);
      return outcome === 'written' ? { outcome, value: 'added' } : { outcome };
    });
  }
}

/** The ids or emails asked for, each once (emails whatever their case); refused unless exactly one list of 1 to 1,000. */
function candidatesOf(command: AddManageesCommand): Array<{ by: 'id' | 'email'; value: string }> {
  const { userIds, emails } = command;
  const list = userIds !== undefined && emails === undefined ? userIds : emails;
  if ((userIds === undefined) === (emails === undefined) || !list) throw invalid();
  if (list.length === 0 || list.length > MAX_MANAGEES_PER_REQUEST) throw invalid();
  const by = userIds !== undefined ? 'id' : 'email';
  const seen = new Set<string>();
  const candidates: Array<{ by: 'id' | 'email'; value: string }> = [];
  for (const value of list) {
    const key = by === 'email' ? normalizeEmail(value) : value;
    if (seen.has(key)) continue;
    seen.add(key);
    candidates.push({ by, value: value.trim() });
  }
  return candidates;
}

function invalid(): ManageeRequestInvalidError {
  return new ManageeRequestInvalidError(MAX_MANAGEES_PER_REQUEST);
}
