import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, newId, type Clock, withOptimisticRetry } from '@lms/kernel';
import { EVENT_FACTORY, type EventFactory } from '@lms/messaging';
import type { UserActor } from '../../users/domain/user-permissions';
import { definePermissionProfile, type PermissionProfile } from '../domain/permission-profile';
import {
  PermissionProfileNameInvalidError,
  UnknownPermissionRightError,
} from '../permission-profiles.errors';
import {
  PERMISSION_PROFILE_REPOSITORY,
  type PermissionProfileRepository,
} from '../ports/permission-profile.repository';
import { permissionProfileDefinedEvent } from '../permission-profile-events';
import { authorizePermissionProfiles } from './permission-profile-access';

export interface DefinePermissionProfileCommand {
  actor: UserActor;
  name: string;
  rights: readonly string[];
  description: string | null;
}

/** The profile as it now is, and whether this call created it. */
export interface DefinedPermissionProfile {
  profile: PermissionProfile;
  created: boolean;
}

/**
 * ID-U2: creates the tenant's permission profile of this name, or replaces its rights and
 * description, by compare-and-set on the version read, with `permission-profile.defined`. The
 * power users holding it get the new rights at their next request (in learning, once the event
 * is applied). Nothing different: no write.
 */
@Injectable()
export class DefinePermissionProfileUseCase {
  constructor(
    @Inject(PERMISSION_PROFILE_REPOSITORY) private readonly profiles: PermissionProfileRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: DefinePermissionProfileCommand): Promise<DefinedPermissionProfile> {
    const { actor, name } = command;
    authorizePermissionProfiles(actor);
    return withOptimisticRetry<DefinedPermissionProfile>(async () => {
      const now = this.clock.now();
      const existing = await this.profiles.find(actor.tenantId, name);
      const decision = definePermissionProfile(
        existing,
        {
          id: newId(now),
          tenantId: actor.tenantId,
          name,
          rights: command.rights,
          description: command.description,
        },
        now,
      );
      if (decision.outcome === 'invalid-name') throw new PermissionProfileNameInvalidError(name);
      if (decision.outcome === 'unknown-rights') throw new UnknownPermissionRightError(decision.rights);
      if (decision.outcome === 'unchanged')
        return { outcome: 'written', value: { profile: decision.profile, created: false } };

      const { profile } = decision;
      const outbox = [permissionProfileDefinedEvent(this.events, profile)];
      const outcome = existing
        ? await this.profiles.update(profile, existing.version, outbox)
        : await this.profiles.insert(profile, outbox);
      return outcome === 'written' ? { outcome, value: { profile, created: !existing } } : { outcome };
    });
  }
}
