import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { mapPage, type Page } from '@lms/kernel';
import { ApiErrors, ApiPage, Access, CurrentPrincipal, PageQueryDto, type Principal } from '@lms/service-kit';
import { DefinePermissionProfileRequestDto } from './dto/define-permission-profile.request.dto';
import { ListPermissionProfilesQueryDto } from './dto/list-permission-profiles.request.dto';
import { PermissionProfileNameParamsDto } from './dto/permission-profile-name.request.dto';
import { PermissionProfileResponseDto } from './dto/permission-profile.response.dto';
import { DefinePermissionProfileUseCase } from './use-cases/define-permission-profile.use-case';
import { DeletePermissionProfileUseCase } from './use-cases/delete-permission-profile.use-case';
import { GetPermissionProfileUseCase } from './use-cases/get-permission-profile.use-case';
import { ListPermissionProfilesUseCase } from './use-cases/list-permission-profiles.use-case';

/** ID-U2: the tenant's permission profiles, for those who manage every user; the caller is the verified principal. */
@Access('administrator', 'System and Application Administrators, superadmins')
@Controller('permission-profiles')
export class PermissionProfilesController {
  constructor(
    private readonly defineProfile: DefinePermissionProfileUseCase,
    private readonly getProfile: GetPermissionProfileUseCase,
    private readonly listProfiles: ListPermissionProfilesUseCase,
    private readonly deleteProfile: DeletePermissionProfileUseCase,
  ) {}

  /** Creates (201) or replaces (200) the profile of this name. */
  @ApiCreatedResponse({ type: PermissionProfileResponseDto, description: 'The profile was created.' })
  @ApiOkResponse({ type: PermissionProfileResponseDto, description: 'The profile was replaced.' })
  @ApiErrors('PERMISSION_PROFILE.UNKNOWN_RIGHT', 'PERMISSION_PROFILE.NAME_INVALID')
  @Put(':name')
  async define(
    @CurrentPrincipal() actor: Principal,
    @Param() params: PermissionProfileNameParamsDto,
    @Body() body: DefinePermissionProfileRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PermissionProfileResponseDto> {
    const { profile, created } = await this.defineProfile.execute({
      actor,
      name: params.name,
      rights: body.rights,
      description: body.description ?? null,
    });
    void reply.status(created ? 201 : 200);
    return PermissionProfileResponseDto.from(profile);
  }

  @ApiPage(PermissionProfileResponseDto)
  @Get()
  async list(
    @CurrentPrincipal() actor: Principal,
    @Query() query: ListPermissionProfilesQueryDto,
  ): Promise<Page<PermissionProfileResponseDto>> {
    const page = await this.listProfiles.execute({
      actor,
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, PermissionProfileResponseDto.from);
  }

  @ApiErrors('PERMISSION_PROFILE.NOT_FOUND')
  @Get(':name')
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param() params: PermissionProfileNameParamsDto,
  ): Promise<PermissionProfileResponseDto> {
    return PermissionProfileResponseDto.from(await this.getProfile.execute({ actor, name: params.name }));
  }

  /** 409 `PERMISSION_PROFILE.IN_USE` while a user holds it. */
  @ApiErrors('PERMISSION_PROFILE.NOT_FOUND', 'PERMISSION_PROFILE.IN_USE')
  @Delete(':name')
  @HttpCode(204)
  async delete(
    @CurrentPrincipal() actor: Principal,
    @Param() params: PermissionProfileNameParamsDto,
  ): Promise<void> {
    await this.deleteProfile.execute({ actor, name: params.name });
  }
}
