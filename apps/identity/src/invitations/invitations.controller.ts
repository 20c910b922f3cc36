import { Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { ApiErrors, Access, CurrentPrincipal, type Principal } from '@lms/service-kit';
import { InvitationIdParamsDto } from './dto/invitation-id.request.dto';
import { InvitationResponseDto } from './dto/invitation.response.dto';
import { AcceptInvitationUseCase } from './use-cases/accept-invitation.use-case';
import { RemindInvitationUseCase } from './use-cases/remind-invitation.use-case';
import { RevokeInvitationUseCase } from './use-cases/revoke-invitation.use-case';

/** ID-G2: one invitation, by its id (its token). */
@Controller('invitations')
export class InvitationsController {
  constructor(
    private readonly acceptInvitation: AcceptInvitationUseCase,
    private readonly remindInvitation: RemindInvitationUseCase,
    private readonly revokeInvitation: RevokeInvitationUseCase,
  ) {}

  /** The invited user joins the group with the invitation's roles. */
  @Access('user', 'the invited user: the account invited by id, or an account of the invited address')
  @ApiErrors(
    'INVITATION.NOT_FOUND',
    'INVITATION.NOT_INVITEE',
    'INVITATION.ALREADY_ACCEPTED',
    'INVITATION.REVOKED',
    'GROUP.NOT_FOUND',
    'GROUP.BEING_DELETED',
    'MEMBERSHIP.ALREADY_EXISTS',
  )
  @Post(':id/accept')
  @HttpCode(200)
  async accept(
    @CurrentPrincipal() actor: Principal,
    @Param() params: InvitationIdParamsDto,
  ): Promise<InvitationResponseDto> {
    const { invitation } = await this.acceptInvitation.execute({ actor, invitationId: params.id });
    return InvitationResponseDto.from(invitation);
  }

  /** Records a reminder (for the mail), at most once per hour. */
  @Access('user', "System and Application Administrators, superadmins; the group's admins")
  @ApiErrors(
    'INVITATION.NOT_FOUND',
    'GROUP.FORBIDDEN',
    'INVITATION.REMINDED_TOO_SOON',
    'INVITATION.ALREADY_ACCEPTED',
    'INVITATION.REVOKED',
  )
  @Post(':id/remind')
  @HttpCode(200)
  async remind(
    @CurrentPrincipal() actor: Principal,
    @Param() params: InvitationIdParamsDto,
  ): Promise<InvitationResponseDto> {
    return InvitationResponseDto.from(
      await this.remindInvitation.execute({ actor, invitationId: params.id }),
    );
  }

  /** Revokes a pending invitation. */
  @Access('user', "System and Application Administrators, superadmins; the group's admins")
  @ApiErrors('INVITATION.NOT_FOUND', 'GROUP.FORBIDDEN', 'INVITATION.ALREADY_ACCEPTED', 'INVITATION.REVOKED')
  @Delete(':id')
  @HttpCode(204)
  async revoke(@CurrentPrincipal() actor: Principal, @Param() params: InvitationIdParamsDto): Promise<void> {
    await this.revokeInvitation.execute({ actor, invitationId: params.id });
  }
}
