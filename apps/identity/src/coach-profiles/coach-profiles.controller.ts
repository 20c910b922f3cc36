import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { mapPage, type Page } from '@lms/kernel';
import { Access, ApiErrors, ApiPage, CurrentPrincipal, PageQueryDto, type Principal } from '@lms/service-kit';
import { CoachIdParamsDto, CoachManagerParamsDto } from './dto/coach-id.request.dto';
import { CoachPopulationResponseDto } from './dto/coach-population.response.dto';
import { CoachProfileResponseDto } from './dto/coach-profile.response.dto';
import { DefineCoachProfileRequestDto } from './dto/define-coach-profile.request.dto';
import { CoachPopulationQueryDto, ListCoachProfilesQueryDto } from './dto/list-coach-profiles.request.dto';
import {
  GetCoachPopulationUseCase,
  GetCoachProfileUseCase,
  ListCoachProfilesUseCase,
} from './use-cases/coach-profile-queries';
import { DefineCoachProfileUseCase } from './use-cases/define-coach-profile.use-case';
import { DeleteCoachProfileUseCase } from './use-cases/delete-coach-profile.use-case';

/** ID-C1, ID-C3: the tenant's coaches and their learner populations, for those who manage every user. */
@Access('administrator', 'System and Application Administrators, superadmins')
@Controller('coaches')
export class CoachProfilesController {
  constructor(
    private readonly defineProfile: DefineCoachProfileUseCase,
    private readonly getProfile: GetCoachProfileUseCase,
    private readonly listProfiles: ListCoachProfilesUseCase,
    private readonly deleteProfile: DeleteCoachProfileUseCase,
    private readonly getPopulation: GetCoachPopulationUseCase,
  ) {}

  /** Links the coach's accounts (201 created, 200 replaced); a change of its filters recomputes its population. */
  @ApiCreatedResponse({ type: CoachProfileResponseDto, description: 'The coach profile was created.' })
  @ApiOkResponse({ type: CoachProfileResponseDto, description: 'The coach profile was replaced.' })
  @ApiErrors(
    'COACH_PROFILE.SAME_ACCOUNT',
    'COACH_PROFILE.ACCOUNT_NOT_FOUND',
    'COACH_PROFILE.ACCOUNT_INACTIVE',
    'COACH_PROFILE.LEARNER_ACCOUNT_TAKEN',
    'COACH_PROFILE.ROLE_INVALID',
    'COACH_PROFILE.TOO_MANY_FILTERS',
    'COACH_PROFILE.FILTER_INVALID',
  )
  @Put(':managerUserId')
  async define(
    @CurrentPrincipal() actor: Principal,
    @Param() params: CoachManagerParamsDto,
    @Body() body: DefineCoachProfileRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CoachProfileResponseDto> {
    const { profile, created } = await this.defineProfile.execute({
      actor,
      managerUserId: params.managerUserId,
      learnerUserId: body.learnerUserId,
      roleLearnerManager: body.roleLearnerManager,
      roleCoach: body.roleCoach,
      filters: body.filters.map((filter) => ({ field: filter.field, value: filter.value })),
    });
    void reply.status(created ? 201 : 200);
    return CoachProfileResponseDto.from(profile);
  }

  @ApiPage(CoachProfileResponseDto)
  @Get()
  async list(
    @CurrentPrincipal() actor: Principal,
    @Query() query: ListCoachProfilesQueryDto,
  ): Promise<Page<CoachProfileResponseDto>> {
    const page = await this.listProfiles.execute({ actor, page: PageQueryDto.pageOf(query) });
    return mapPage(page, CoachProfileResponseDto.from);
  }

  @ApiErrors('COACH_PROFILE.NOT_FOUND')
  @Get(':id')
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param() params: CoachIdParamsDto,
  ): Promise<CoachProfileResponseDto> {
    return CoachProfileResponseDto.from(await this.getProfile.execute({ actor, coachId: params.id }));
  }

  /**
   * A page of the coach's learners, when it was last recomputed, and the filters that match no
   * user; to those who manage every user, and to the coach itself (CO-W5).
   */
  @Access(
    'user',
    'System and Application Administrators, superadmins, and the coach itself (either of its accounts)',
  )
  @ApiOkResponse({ type: CoachPopulationResponseDto })
  @ApiErrors('COACH_PROFILE.NOT_FOUND', 'COACH_PROFILE.FORBIDDEN')
  @Get(':id/population')
  async population(
    @CurrentPrincipal() actor: Principal,
    @Param() params: CoachIdParamsDto,
    @Query() query: CoachPopulationQueryDto,
  ): Promise<CoachPopulationResponseDto> {
    return CoachPopulationResponseDto.from(
      await this.getPopulation.execute({ actor, coachId: params.id, page: PageQueryDto.pageOf(query) }),
    );
  }

  @ApiErrors('COACH_PROFILE.NOT_FOUND')
  @Delete(':id')
  @HttpCode(204)
  async delete(@CurrentPrincipal() actor: Principal, @Param() params: CoachIdParamsDto): Promise<void> {
    await this.deleteProfile.execute({ actor, coachId: params.id });
  }
}
