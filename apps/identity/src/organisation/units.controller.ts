import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { mapPage, type Page } from '@lms/kernel';
import {
  Access,
  ApiErrors,
  ApiPage,
  CurrentTenant,
  Idempotent,
  IfMatch,
  PageQueryDto,
} from '@lms/service-kit';
import { CreateNodeRequestDto, RenameNodeRequestDto } from './dto/node.request.dto';
import {
  TeamParamsDto,
  TeamUserParamsDto,
  UnitIdParamsDto,
  UnitUserParamsDto,
} from './dto/node-params.request.dto';
import { TeamResponseDto, UnitResponseDto } from './dto/node.response.dto';
import { ChangeNodeManagerUseCase } from './use-cases/change-node-manager.use-case';
import { ChangeTeamMemberUseCase } from './use-cases/change-team-member.use-case';
import { CreateTeamUseCase } from './use-cases/create-team.use-case';
import { CreateUnitUseCase } from './use-cases/create-unit.use-case';
import { DeleteNodeUseCase } from './use-cases/delete-node.use-case';
import { GetNodeUseCase } from './use-cases/get-node.use-case';
import { ListTeamsUseCase } from './use-cases/list-teams.use-case';
import { ListUnitsUseCase } from './use-cases/list-units.use-case';
import { RenameNodeUseCase } from './use-cases/rename-node.use-case';

/** Units, their teams, their managers and the teams' members (ID-G3); Manager and Agent follow (ID-R1). */
@Access('administrator', 'Tenant administrators: System and Application Administrators, superadmins')
@Controller('units')
export class UnitsController {
  constructor(
    private readonly createUnit: CreateUnitUseCase,
    private readonly createTeam: CreateTeamUseCase,
    private readonly getNode: GetNodeUseCase,
    private readonly listUnits: ListUnitsUseCase,
    private readonly listTeams: ListTeamsUseCase,
    private readonly renameNode: RenameNodeUseCase,
    private readonly deleteNode: DeleteNodeUseCase,
    private readonly changeManager: ChangeNodeManagerUseCase,
    private readonly changeMember: ChangeTeamMemberUseCase,
  ) {}

  @Idempotent()
  @Post()
  @HttpCode(201)
  async create(
    @CurrentTenant() tenantId: string,
    @Body() body: CreateNodeRequestDto,
  ): Promise<UnitResponseDto> {
    return UnitResponseDto.from(await this.createUnit.execute({ tenantId, name: body.name }));
  }

  @ApiPage(UnitResponseDto)
  @Get()
  async list(
    @CurrentTenant() tenantId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<UnitResponseDto>> {
    const page = await this.listUnits.execute({ tenantId, page: PageQueryDto.pageOf(query) });
    return mapPage(page, (unit) => UnitResponseDto.from(unit));
  }

  @ApiErrors('UNIT.NOT_FOUND')
  @Get(':id')
  async get(@CurrentTenant() tenantId: string, @Param() params: UnitIdParamsDto): Promise<UnitResponseDto> {
    return UnitResponseDto.from(await this.getNode.execute({ tenantId, unitId: params.id }));
  }

  @ApiErrors('UNIT.NOT_FOUND', 'REQUEST.STALE_VERSION')
  @Patch(':id')
  async rename(
    @CurrentTenant() tenantId: string,
    @Param() params: UnitIdParamsDto,
    @Body() body: RenameNodeRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<UnitResponseDto> {
    const unit = await this.renameNode.execute({
      tenantId,
      unitId: params.id,
      name: body.name,
      expectedVersion,
    });
    return UnitResponseDto.from(unit);
  }

  @ApiErrors('UNIT.NOT_FOUND', 'UNIT.HAS_TEAMS', 'REQUEST.STALE_VERSION')
  @Delete(':id')
  @HttpCode(204)
  async delete(
    @CurrentTenant() tenantId: string,
    @Param() params: UnitIdParamsDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<void> {
    await this.deleteNode.execute({ tenantId, unitId: params.id, expectedVersion });
  }

  @ApiErrors('UNIT.NOT_FOUND', 'ORGANISATION.USER_UNKNOWN')
  @Put(':id/managers/:userId')
  async addUnitManager(
    @CurrentTenant() tenantId: string,
    @Param() params: UnitUserParamsDto,
  ): Promise<UnitResponseDto> {
    const unit = await this.changeManager.execute({
      tenantId,
      unitId: params.id,
      userId: params.userId,
      change: 'add',
    });
    return UnitResponseDto.from(unit);
  }

  @ApiErrors('UNIT.NOT_FOUND')
  @Delete(':id/managers/:userId')
  @HttpCode(204)
  async removeUnitManager(
    @CurrentTenant() tenantId: string,
    @Param() params: UnitUserParamsDto,
  ): Promise<void> {
    await this.changeManager.execute({
      tenantId,
      unitId: params.id,
      userId: params.userId,
      change: 'remove',
    });
  }

  @Idempotent()
  @ApiErrors('UNIT.NOT_FOUND')
  @Post(':id/teams')
  @HttpCode(201)
  async createTeamIn(
    @CurrentTenant() tenantId: string,
    @Param() params: UnitIdParamsDto,
    @Body() body: CreateNodeRequestDto,
  ): Promise<TeamResponseDto> {
    return TeamResponseDto.from(
      await this.createTeam.execute({ tenantId, unitId: params.id, name: body.name }),
    );
  }

  @ApiErrors('UNIT.NOT_FOUND')
  @ApiPage(TeamResponseDto)
  @Get(':id/teams')
  async teams(
    @CurrentTenant() tenantId: string,
    @Param() params: UnitIdParamsDto,
    @Query() query: PageQueryDto,
  ): Promise<Page<TeamResponseDto>> {
    const page = await this.listTeams.execute({
      tenantId,
      unitId: params.id,
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, (team) => TeamResponseDto.from(team));
  }

  @ApiErrors('UNIT.NOT_FOUND', 'TEAM.NOT_FOUND')
  @Get(':id/teams/:teamId')
  async team(@CurrentTenant() tenantId: string, @Param() params: TeamParamsDto): Promise<TeamResponseDto> {
    return TeamResponseDto.from(
      await this.getNode.execute({ tenantId, unitId: params.id, teamId: params.teamId }),
    );
  }

  @ApiErrors('UNIT.NOT_FOUND', 'TEAM.NOT_FOUND', 'REQUEST.STALE_VERSION')
  @Patch(':id/teams/:teamId')
  async renameTeam(
    @CurrentTenant() tenantId: string,
    @Param() params: TeamParamsDto,
    @Body() body: RenameNodeRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<TeamResponseDto> {
    const team = await this.renameNode.execute({
      tenantId,
      unitId: params.id,
      teamId: params.teamId,
      name: body.name,
      expectedVersion,
    });
    return TeamResponseDto.from(team);
  }

  @ApiErrors('UNIT.NOT_FOUND', 'TEAM.NOT_FOUND', 'REQUEST.STALE_VERSION')
  @Delete(':id/teams/:teamId')
  @HttpCode(204)
  async deleteTeam(
    @CurrentTenant() tenantId: string,
    @Param() params: TeamParamsDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<void> {
    await this.deleteNode.execute({ tenantId, unitId: params.id, teamId: params.teamId, expectedVersion });
  }

  @ApiErrors('UNIT.NOT_FOUND', 'TEAM.NOT_FOUND', 'ORGANISATION.USER_UNKNOWN')
  @Put(':id/teams/:teamId/managers/:userId')
  async addTeamManager(
    @CurrentTenant() tenantId: string,
    @Param() params: TeamUserParamsDto,
  ): Promise<TeamResponseDto> {
    const team = await this.changeManager.execute({ ...teamUser(tenantId, params), change: 'add' });
    return TeamResponseDto.from(team);
  }

  @ApiErrors('UNIT.NOT_FOUND', 'TEAM.NOT_FOUND')
  @Delete(':id/teams/:teamId/managers/:userId')
  @HttpCode(204)
  async removeTeamManager(
    @CurrentTenant() tenantId: string,
    @Param() params: TeamUserParamsDto,
  ): Promise<void> {
    await this.changeManager.execute({ ...teamUser(tenantId, params), change: 'remove' });
  }

  @ApiErrors('UNIT.NOT_FOUND', 'TEAM.NOT_FOUND', 'ORGANISATION.USER_UNKNOWN')
  @Put(':id/teams/:teamId/members/:userId')
  async addTeamMember(
    @CurrentTenant() tenantId: string,
    @Param() params: TeamUserParamsDto,
  ): Promise<TeamResponseDto> {
    const team = await this.changeMember.execute({ ...teamUser(tenantId, params), change: 'add' });
    return TeamResponseDto.from(team);
  }

  @ApiErrors('UNIT.NOT_FOUND', 'TEAM.NOT_FOUND')
  @Delete(':id/teams/:teamId/members/:userId')
  @HttpCode(204)
  async removeTeamMember(
    @CurrentTenant() tenantId: string,
    @Param() params: TeamUserParamsDto,
  ): Promise<void> {
    await this.changeMember.execute({ ...teamUser(tenantId, params), change: 'remove' });
  }
}

function teamUser(tenantId: string, params: TeamUserParamsDto) {
  return { tenantId, unitId: params.id, teamId: params.teamId, userId: params.userId };
}
