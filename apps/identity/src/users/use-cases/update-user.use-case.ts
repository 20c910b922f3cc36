import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, assertExpectedVersion } from '@lms/kernel';
import { PASSWORD_HASHER, type PasswordHasher } from '../../auth/ports/password-hasher';
import {
  PERMISSION_PROFILE_REPOSITORY,
  type PermissionProfileRepository,
} from '../../permission-profiles/ports/permission-profile.repository';
import type { User } from '../domain/user';
import { applyUserChanges, type UserChanges } from '../domain/user-lifecycle';
import { asSeenBy, type UserAction, type UserActor } from '../domain/user-permissions';
import { USER_REPOSITORY, type UserRepository } from '../ports/user.repository';
import { UnknownPermissionProfileError } from '../users.errors';
import { UserAccess } from './user-access';
import { UserWriter } from './user-writes';

export interface UpdateUserCommand {
  actor: UserActor;
  userId: string;
  changes: Omit<UserChanges, 'passwordHash'> & { password?: string };
  /** The version the caller read (`If-Match`): another one refuses the change (412). */
  expectedVersion?: number;
}

/** What each field asks of the actor: an expiry is a later change of state; the account's keys are guarded. */
function actionsFor(changes: UpdateUserCommand['changes']): UserAction[] {
  const given = (keys: Array<keyof UpdateUserCommand['changes']>) =>
    keys.some((key) => changes[key] !== undefined);
  const actions: UserAction[] = [];
  if (given(['expiresAt'])) actions.push('change_expiry');
  if (given(['level', 'password', 'powerUserScope', 'permissionProfile'])) actions.push('update_account');
  if (actions.length === 0 || given(['firstName', 'lastName', 'locale', 'timezone', 'customFields']))
    actions.push('update_profile');
  return actions;
}

/**
 * ID-U1..U3: changes a user's profile, level, expiry or password, by compare-and-set with
 * `user.updated` in the same write. An expiry in the past expires the account now; one moved
 * to the future restores the state it had before it expired. A permission profile given must
 * be one the tenant has defined (ID-U2). Nothing different: no write. A caller that read another
 * version than the current one changes nothing (`REQUEST.STALE_VERSION`), so that two
 * administrators editing one user cannot overwrite each other unseen.
 */
@Injectable()
export class UpdateUserUseCase {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    private readonly writer: UserWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PASSWORD_HASHER) private readonly passwords: PasswordHasher,
    private readonly access: UserAccess,
    @Inject(PERMISSION_PROFILE_REPOSITORY) private readonly profiles: PermissionProfileRepository,
  ) {}

  async execute(command: UpdateUserCommand): Promise<User> {
    const { actor, userId, changes } = command;
    const { password, ...fields } = changes;
    const passwordHash = password === undefined ? undefined : await this.passwords.hash(password);
    const written = await this.writer.change({ tenantId: actor.tenantId, userId }, async (user) => {
      for (const action of actionsFor(changes)) await this.access.authorize(actor, action, user);
      assertExpectedVersion(command.expectedVersion, user.version);
      if (fields.permissionProfile) await this.profileMustExist(actor.tenantId, fields.permissionProfile);
      return applyUserChanges(user, { ...fields, passwordHash }, this.clock.now());
    });
    return asSeenBy(actor, written.user);
  }

  private async profileMustExist(tenantId: string, name: string): Promise<void> {
    if (!(await this.profiles.find(tenantId, name))) throw new UnknownPermissionProfileError(name);
  }
}
