import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, type Clock } from '@lms/kernel';
import { GROUP_REPOSITORY, type GroupRepository } from '../../groups/ports/group.repository';
import { GroupAccess } from '../../groups/use-cases/group-access';
import { INVITATION_REPOSITORY, type InvitationRepository } from '../ports/invitation.repository';
import { closedInvitationError } from './invitation-refusals';
import { ManageInvitation, type InvitationCommand } from './manage-invitation';
import { remindInvitation, type Invitation } from '../domain/invitation';
import { InvitationRemindedTooSoonError } from '../invitations.errors';

/** ID-G2: records a reminder of a pending invitation (`invitation.reminded`), at most once per hour since it was last mailed. */
@Injectable()
export class RemindInvitationUseCase extends ManageInvitation {
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
        const decision = remindInvitation(invitation, now);
        if (decision.outcome === 'too-soon')
          throw new InvitationRemindedTooSoonError(invitation.id, decision.nextAt);
        if (decision.outcome !== 'reminded') throw closedInvitationError(decision.outcome, invitation.id);
        return decision.invitation;
      },
      'invitation.reminded',
    );
  }
}
