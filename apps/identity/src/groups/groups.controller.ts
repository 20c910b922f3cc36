import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { mapPage, type Page } from '@lms/kernel';
import {
  ApiErrors,
  ApiPage,
  Access,
  CurrentPrincipal,
  CurrentTenant,
  Idempotent,
  IfMatch,
  PageQueryDto,
  type Principal,
} from '@lms/service-kit';
import { CreateGroupRequestDto } from './dto/create-group.request.dto';
import { GroupIdParamsDto } from './dto/group-id.request.dto';
import { GroupResponseDto } from './dto/group.response.dto';
import { ListGroupsQueryDto } from './dto/list-groups.request.dto';
import { UpdateGroupRequestDto } from './dto/update-group.request.dto';
import { CreateGroupUseCase } from './use-cases/create-group.use-case';
import { DeleteGroupUseCase } from './use-cases/delete-group.use-case';
import { GetGroupUseCase } from './use-cases/get-group.use-case';
import { ListGroupsUseCase } from './use-cases/list-groups.use-case';
import { UpdateGroupUseCase } from './use-cases/update-group.use-case';

@Controller('groups')
export class GroupsController {
  constructor(
    private readonly createGroup: CreateGroupUseCase,
    private readonly getGroup: GetGroupUseCase,
    private readonly listGroups: ListGroupsUseCase,
    private readonly updateGroup: UpdateGroupUseCase,
    private readonly deleteGroup: DeleteGroupUseCase,
  ) {}

  @Access('administrator', 'System and Application Administrators, superadmins')
  @Idempotent()
  @Post()
  @HttpCode(201)
  async create(
    @CurrentTenant() tenantId: string,
    @Body() body: CreateGroupRequestDto,
  ): Promise<GroupResponseDto> {
    const group = await this.createGroup.execute({
      tenantId,
      name: body.name,
      confidentiality: body.confidentiality ?? undefined,
    });
    return GroupResponseDto.from(group);
  }

  /** ID-G1, ID-G2: the groups the caller may see, oldest first. */
  @Access(
    'user',
    'System and Application Administrators, superadmins: every group; anyone else the groups it administers or coaches, and a platform coach the public ones',
  )
  @ApiPage(GroupResponseDto)
  @Get()
  async list(
    @CurrentPrincipal() actor: Principal,
    @Query() query: ListGroupsQueryDto,
  ): Promise<Page<GroupResponseDto>> {
    const page = await this.listGroups.execute({
      actor,
      namePrefix: query.name,
      confidentiality: query.confidentiality,
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, GroupResponseDto.from);
  }

  @Access(
    'user',
    "System and Application Administrators, superadmins; the group's admins and coaches; a platform coach for a public group",
  )
  @ApiErrors('GROUP.NOT_FOUND', 'GROUP.FORBIDDEN')
  @Get(':id')
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param() params: GroupIdParamsDto,
  ): Promise<GroupResponseDto> {
    return GroupResponseDto.from(
      await this.getGroup.execute({ tenantId: actor.tenantId, groupId: params.id, actor }),
    );
  }

  /** ID-G1: renames the group and/or changes its confidentiality. */
  @Access('user', "System and Application Administrators, superadmins; the group's admins")
  @ApiErrors('GROUP.NOT_FOUND', 'GROUP.FORBIDDEN', 'GROUP.BEING_DELETED', 'REQUEST.STALE_VERSION')
  @Patch(':id')
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param() params: GroupIdParamsDto,
    @Body() body: UpdateGroupRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<GroupResponseDto> {
    const group = await this.updateGroup.execute({
      actor,
      groupId: params.id,
      name: body.name,
      confidentiality: body.confidentiality,
      expectedVersion,
    });
    return GroupResponseDto.from(group);
  }

  /**
   * ID-G1: deletes the group. Without members it is gone at once (204). With members, 202 and
   * the group `deleting`: its members leave it chunk by chunk, each with `membership.removed`,
   * and `GET /v1/groups/{id}` tells how far it got until the group is gone (404).
   */
  @Access('administrator', 'System and Application Administrators, superadmins')
  @ApiErrors('GROUP.NOT_FOUND')
  @Delete(':id')
  @HttpCode(202)
  async delete(
    @CurrentPrincipal() actor: Principal,
    @Param() params: GroupIdParamsDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GroupResponseDto | undefined> {
    const result = await this.deleteGroup.execute({ actor, groupId: params.id });
    if (result.outcome === 'deleted') {
      void reply.status(204);
      return undefined;
    }
    return GroupResponseDto.from(result.group);
  }
}
