import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { mapPage, type Page } from '@lms/kernel';
import {
  ApiErrors,
  ApiPage,
  Access,
  CurrentPrincipal,
  Idempotent,
  PageQueryDto,
  type Principal,
} from '@lms/service-kit';
import { CreateInvitationRequestDto } from './dto/create-invitation.request.dto';
import { GroupInvitationsParamsDto } from './dto/invitation-id.request.dto';
import { InvitationResponseDto } from './dto/invitation.response.dto';
import { ListInvitationsQueryDto } from './dto/list-invitations.request.dto';
import { CreateInvitationUseCase } from './use-cases/create-invitation.use-case';
import { ListInvitationsUseCase } from './use-cases/list-invitations.use-case';

/** ID-G2: a group's invitations, managed by tenant administrators and the group's admins. */
@Access('user', "System and Application Administrators, superadmins; the group's admins")
@Controller('groups/:groupId/invitations')
export class GroupInvitationsController {
  constructor(
    private readonly createInvitation: CreateInvitationUseCase,
    private readonly listInvitations: ListInvitationsUseCase,
  ) {}

  @Idempotent()
  @ApiErrors(
    'GROUP.NOT_FOUND',
    'GROUP.FORBIDDEN',
    'GROUP.BEING_DELETED',
    'INVITATION.INVITEE_INVALID',
    'MEMBERSHIP.ROLES_INVALID',
  )
  @Post()
  @HttpCode(201)
  async create(
    @CurrentPrincipal() actor: Principal,
    @Param() params: GroupInvitationsParamsDto,
    @Body() body: CreateInvitationRequestDto,
  ): Promise<InvitationResponseDto> {
    const invitation = await this.createInvitation.execute({
      actor,
      groupId: params.groupId,
      email: body.email,
      userId: body.userId,
      roles: body.roles,
    });
    return InvitationResponseDto.from(invitation);
  }

  @ApiErrors('GROUP.NOT_FOUND', 'GROUP.FORBIDDEN')
  @ApiPage(InvitationResponseDto)
  @Get()
  async list(
    @CurrentPrincipal() actor: Principal,
    @Param() params: GroupInvitationsParamsDto,
    @Query() query: ListInvitationsQueryDto,
  ): Promise<Page<InvitationResponseDto>> {
    const page = await this.listInvitations.execute({
      actor,
      groupId: params.groupId,
      status: query.status,
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, InvitationResponseDto.from);
  }
}
