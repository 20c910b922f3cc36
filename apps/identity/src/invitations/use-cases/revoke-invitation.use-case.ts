import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, type Clock } from '@lms/kernel';
import { GROUP_REPOSITORY, type GroupRepository } from '../../groups/ports/group.repository';
import { GroupAccess } from '../../groups/use-cases/group-access';
import { INVITATION_REPOSITORY, type InvitationRepository } from '../ports/invitation.repository';
import { closedInvitationError } from './invitation-refusals';
import { ManageInvitation, type InvitationCommand } from './manage-invitation';
import { revokeInvitation, type Invitation } from '../domain/invitation';

/** ID-G2: revokes a pending invitation (`invitation.revoked`): it can no longer be accepted. */
@Injectable()
export class RevokeInvitationUseCase extends ManageInvitation {
  constructor(
    @Inject(INVITATION_REPOSITORY) invitations: InvitationRepository,
    @Inject(GROUP_REPOSITORY) groups: GroupRepository,
    access: GroupAccess,
    @Inject(EVENT_FACTORY) events: EventFactory,
    @Inject(CLOCK) clock: Clock,
  ) {
    super(invitations, groups, access, events, clock);
  }

  execute(command: InvitationCommand): Promise<Invitation> {
    return this.run(
      command,
      (invitation, now) => {
        const decision = revokeInvitation(invitation, now);
        if (decision.outcome !== 'revoked') throw closedInvitationError(decision.outcome, invitation.id);
        return decision.invitation;
      },
      'invitation.revoked',
    );
  }
}
