import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { mapPage, type Page } from '@lms/kernel';
import {
  ApiErrors,
  ApiPage,
  Access,
  Idempotent,
  CurrentPrincipal,
  CurrentTenant,
  IfMatch,
  PageQueryDto,
  type Principal,
} from '@lms/service-kit';
import { AddMemberRequestDto } from './dto/add-member.request.dto';
import { ChangeMemberRolesRequestDto } from './dto/change-member-roles.request.dto';
import { ListMembersQueryDto } from './dto/list-members.request.dto';
import { GroupMembersParamsDto, MemberParamsDto } from './dto/member-params.request.dto';
import { MembershipResponseDto } from './dto/membership.response.dto';
import { AddMemberUseCase } from './use-cases/add-member.use-case';
import { ChangeMemberRolesUseCase } from './use-cases/change-member-roles.use-case';
import { ListMembersUseCase } from './use-cases/list-members.use-case';
import { RemoveMemberUseCase } from './use-cases/remove-member.use-case';

@Controller('groups/:groupId/members')
export class MembershipsController {
  constructor(
    private readonly addMember: AddMemberUseCase,
    private readonly changeMemberRoles: ChangeMemberRolesUseCase,
    private readonly removeMember: RemoveMemberUseCase,
    private readonly listMembers: ListMembersUseCase,
  ) {}

  @Access('user', "System and Application Administrators, superadmins; the group's admins (ID-G2)")
  @Idempotent()
  @ApiErrors(
    'GROUP.NOT_FOUND',
    'GROUP.FORBIDDEN',
    'GROUP.BEING_DELETED',
    'MEMBERSHIP.USER_UNKNOWN',
    'MEMBERSHIP.ALREADY_EXISTS',
    'MEMBERSHIP.ROLES_INVALID',
  )
  @Post()
  @HttpCode(201)
  async add(
    @CurrentPrincipal() actor: Principal,
    @Param() params: GroupMembersParamsDto,
    @Body() body: AddMemberRequestDto,
  ): Promise<MembershipResponseDto> {
    const membership = await this.addMember.execute({
      actor,
      tenantId: actor.tenantId,
      groupId: params.groupId,
      userId: body.userId,
      roles: body.roles,
    });
    return MembershipResponseDto.from(membership);
  }

  @Access('administrator', 'System and Application Administrators, superadmins')
  @ApiErrors('MEMBERSHIP.NOT_FOUND', 'MEMBERSHIP.ROLES_INVALID', 'REQUEST.STALE_VERSION')
  @Put(':userId')
  async changeRoles(
    @CurrentTenant() tenantId: string,
    @Param() params: MemberParamsDto,
    @Body() body: ChangeMemberRolesRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<MembershipResponseDto> {
    const membership = await this.changeMemberRoles.execute({
      tenantId,
      groupId: params.groupId,
      userId: params.userId,
      roles: body.roles,
      expectedVersion,
    });
    return MembershipResponseDto.from(membership);
  }

  @Access('user', "System and Application Administrators, superadmins; the group's admins (ID-G2)")
  @ApiErrors('GROUP.NOT_FOUND', 'GROUP.FORBIDDEN', 'MEMBERSHIP.NOT_FOUND')
  @Delete(':userId')
  @HttpCode(204)
  async remove(@CurrentPrincipal() actor: Principal, @Param() params: MemberParamsDto): Promise<void> {
    await this.removeMember.execute({
      actor,
      tenantId: actor.tenantId,
      groupId: params.groupId,
      userId: params.userId,
    });
  }

  @Access(
    'user',
    "System and Application Administrators, superadmins; the group's admins and coaches; a platform coach for a public group (ID-G2)",
  )
  @ApiErrors('GROUP.NOT_FOUND', 'GROUP.FORBIDDEN')
  @ApiPage(MembershipResponseDto)
  @Get()
  async list(
    @CurrentPrincipal() actor: Principal,
    @Param() params: GroupMembersParamsDto,
    @Query() query: ListMembersQueryDto,
  ): Promise<Page<MembershipResponseDto>> {
    const page = await this.listMembers.execute({
      actor,
      tenantId: actor.tenantId,
      groupId: params.groupId,
      role: query.role,
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, MembershipResponseDto.from);
  }
}
