import { Injectable } from '@nestjs/common';
import { closedInvitationError } from './invitation-refusals';
import { ManageInvitation, type InvitationCommand } from './manage-invitation';
import { remindInvitation, type Invitation } from '../domain/invitation';
import { InvitationRemindedTooSoonError } from '../invitations.errors';

/** ID-G2: records a reminder of a pending invitation (`invitation.reminded`), at most once per hour since it was last mailed. */
@Injectable()
export class RemindInvitationUseCase extends ManageInvitation {
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
