import { PageQueryDto } from '@lms/service-kit';
import { IsIn, IsOptional } from 'class-validator';
import { INVITATION_STATUSES, type InvitationStatus } from '../domain/invitation';

export class ListInvitationsQueryDto extends PageQueryDto {
  /** Only the invitations in this status. */
  @IsOptional() @IsIn(INVITATION_STATUSES) status?: InvitationStatus;
}
