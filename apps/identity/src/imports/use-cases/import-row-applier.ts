import { Inject, Injectable } from '@nestjs/common';
import { ConcurrentModificationError, DomainError, normalizeEmail } from '@lms/kernel';
import {
  COACH_PROFILE_REPOSITORY,
  type CoachProfileRepository,
} from '../../coach-profiles/ports/coach-profile.repository';
import { DefineCoachProfileUseCase } from '../../coach-profiles/use-cases/define-coach-profile.use-case';
import { MembershipAlreadyExistsError } from '../../memberships/memberships.errors';
import {
  MEMBERSHIP_REPOSITORY,
  type MembershipRepository,
} from '../../memberships/ports/membership.repository';
import { AddMemberUseCase } from '../../memberships/use-cases/add-member.use-case';
import { ChangeMemberRolesUseCase } from '../../memberships/use-cases/change-member-roles.use-case';
import { type User } from '../../users/domain/user';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import { ChangeUserStateUseCase } from '../../users/use-cases/change-user-state.use-case';
import { CreateUserUseCase } from '../../users/use-cases/create-user.use-case';
import type { NewUserFields } from '../../users/use-cases/create-users.use-case';
import { UpdateUserUseCase } from '../../users/use-cases/update-user.use-case';
import { EmailTakenError } from '../../users/users.errors';
import { ImportRowUnnamedUserError, ImportRowUserUnknownError } from '../imports.errors';
import type { Import } from '../domain/import';
import {
  COACH_RIGHT_NAMES,
  expiryOf,
  type ImportIssue,
  type ImportRow,
  type ManagerImportLine,
  type StateImportLine,
  type UserImportLine,
} from '../domain/import-rows';

/** The row refused by a rule: its reason first, before its notes. */
export function refusedRow(row: ImportRow, error: DomainError): ImportRow {
  const issue: ImportIssue = {
    row: row.row,
    column: null,
    code: error.code,
    message: error.message,
    value: null,
  };
  return { ...row, status: 'refused', issues: [issue, ...row.issues] };
}

/** The new user a user row names (ID-I1), as a creation takes it; null when it lacks a first or a last name. */
export function newUserFields(line: UserImportLine): NewUserFields | null {
  const { firstName, lastName } = line;
  if (firstName === null || lastName === null) return null;
  return {
    email: line.email,
    firstName,
    lastName,
    locale: line.locale ?? undefined,
    customFields: line.customFields ?? undefined,
  };
}

/** Tries of a row that keeps losing races with other writers before it is reported. */
const RACES = 3;

/**
 * Applies one valid row of an import with the rights of the account that started it,
 * through the use cases a single change goes through (their rules, their events), and so
 * that a row applied twice changes nothing the second time (idempotent by natural key):
 * - a user row (ID-I1) finds the user by its email, creates it when there is none, updates
 *   the fields given otherwise (custom fields merged), then gives it the row's role in the
 *   row's group: a membership added, or its roles changed to include it, or nothing when it
 *   has it;
 * - a state row (ID-I3) moves the expiry first (which restores an expired account), then
 *   activates or deactivates;
 * - a manager row (ID-I2) finds both accounts by email (it creates none) and creates or
 *   replaces the coach's profile through `DefineCoachProfileUseCase`, as its `PUT` does: the
 *   names of its rights are kept when it has a profile, {@link COACH_RIGHT_NAMES} otherwise;
 *   the same row again leaves the profile unchanged (no write, no event).
 * A refusal of a rule (`USER.FORBIDDEN`, `USER.OWN_STATE`, `COACH_PROFILE.ACCOUNT_INACTIVE`,
 * ...) is the row's issue, before its notes; any other failure is thrown, and the job's chunk
 * tried again.
 */
@Injectable()
export class ImportRowApplier {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(MEMBERSHIP_REPOSITORY) private readonly memberships: MembershipRepository,
    private readonly createUser: CreateUserUseCase,
    private readonly updateUser: UpdateUserUseCase,
    private readonly changeState: ChangeUserStateUseCase,
    private readonly addMember: AddMemberUseCase,
    private readonly changeRoles: ChangeMemberRolesUseCase,
    @Inject(COACH_PROFILE_REPOSITORY) private readonly coachProfiles: CoachProfileRepository,
    private readonly defineCoachProfile: DefineCoachProfileUseCase,
  ) {}

  /** The row once applied: `applied` (with its notes), or `refused` with the rule it met. */
  async apply(entry: Import, row: ImportRow): Promise<ImportRow> {
    const { line } = row;
    if (row.status !== 'valid' || !line) return row;
    for (let attempt = 1; ; attempt++) {
      try {
        if (line.kind === 'users') await this.applyUser(entry, line);
        else if (line.kind === 'states') await this.applyState(entry, line);
        else await this.applyManager(entry, line);
        return { ...row, status: 'applied' };
      } catch (error) {
        if (error instanceof ConcurrentModificationError && attempt < RACES) continue;
        if (!(error instanceof DomainError)) throw error;
        return refusedRow(row, error);
      }
    }
  }

  private async applyUser(entry: Import, line: UserImportLine): Promise<void> {
    const actor = entry.startedBy;
    const found = await this.users.findByEmail(entry.tenantId, normalizeEmail(line.email));
    const user = found ? await this.update(entry, found, line) : await this.create(entry, line);
    const existing = await this.memberships.find(actor.tenantId, line.groupId, user.id);
    if (existing?.status === 'active') {
      if (existing.roles.includes(line.role)) return;
      await this.changeRoles.execute({
        tenantId: actor.tenantId,
        groupId: line.groupId,
        userId: user.id,
        roles: [...existing.roles, line.role],
      });
      return;
    }
    try {
      await this.addMember.execute({
        tenantId: actor.tenantId,
        groupId: line.groupId,
        userId: user.id,
        roles: [line.role],
        actor,
      });
    } catch (error) {
      // Added meanwhile: the row is tried again, and finds the membership.
      if (error instanceof MembershipAlreadyExistsError) throw new ConcurrentModificationError();
      throw error;
    }
  }

  /** A new user; one created meanwhile with this email (a run that died, another writer) is tried again as an update. */
  private async create(entry: Import, line: UserImportLine): Promise<User> {
    const fields = newUserFields(line);
    if (!fields) throw new ImportRowUnnamedUserError();
    try {
      return await this.createUser.execute({ actor: entry.startedBy, ...fields });
    } catch (error) {
      if (error instanceof EmailTakenError) throw new ConcurrentModificationError();
      throw error;
    }
  }

  /** The user with the row's fields: only those given, custom fields merged; nothing different, no write. */
  private async update(entry: Import, user: User, line: UserImportLine): Promise<User> {
    const changes = {
      ...(line.firstName !== null && line.firstName !== user.firstName ? { firstName: line.firstName } : {}),
      ...(line.lastName !== null && line.lastName !== user.lastName ? { lastName: line.lastName } : {}),
      ...(line.locale !== null && line.locale !== user.locale ? { locale: line.locale } : {}),
      ...(line.customFields !== null &&
      Object.entries(line.customFields).some(([key, value]) => user.customFields[key] !== value)
        ? { customFields: { ...user.customFields, ...line.customFields } }
        : {}),
    };
    if (Object.keys(changes).length === 0) return user;
    return this.updateUser.execute({ actor: entry.startedBy, userId: user.id, changes });
  }

  private async applyState(entry: Import, line: StateImportLine): Promise<void> {
    const actor = entry.startedBy;
    const user = await this.users.findByEmail(entry.tenantId, normalizeEmail(line.email));
    if (!user) throw new ImportRowUserUnknownError();
    if (line.expiryDate !== null) {
      const expiresAt = expiryOf(line.expiryDate);
      if (user.expiresAt?.getTime() !== expiresAt.getTime())
        await this.updateUser.execute({ actor, userId: user.id, changes: { expiresAt } });
    }
    if (line.action !== null) await this.changeState.execute({ actor, userId: user.id, action: line.action });
  }

  private async applyManager(entry: Import, line: ManagerImportLine): Promise<void> {
    const [manager, learner] = await Promise.all([
      this.users.findByEmail(entry.tenantId, normalizeEmail(line.email)),
      this.users.findByEmail(entry.tenantId, normalizeEmail(line.learnerEmail)),
    ]);
    // Deleted since the file was validated.
    if (!manager || !learner) throw new ImportRowUserUnknownError();
    const stored = await this.coachProfiles.findById(entry.tenantId, manager.id);
    await this.defineCoachProfile.execute({
      actor: entry.startedBy,
      managerUserId: manager.id,
      learnerUserId: learner.id,
      roleLearnerManager: stored?.roleLearnerManager ?? COACH_RIGHT_NAMES.roleLearnerManager,
      roleCoach: stored?.roleCoach ?? COACH_RIGHT_NAMES.roleCoach,
      filters: line.filters,
    });
  }
}
