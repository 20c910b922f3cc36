import { Injectable } from '@nestjs/common';
import { closedInvitationError } from './invitation-refusals';
import { ManageInvitation, type InvitationCommand } from './manage-invitation';
import { revokeInvitation, type Invitation } from '../domain/invitation';

/** ID-G2: revokes a pending invitation (`invitation.revoked`): it can no longer be accepted. */
@Injectable()
export class RevokeInvitationUseCase extends ManageInvitation {
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
