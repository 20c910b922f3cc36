import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { mapPage, type Page } from '@lms/kernel';
import {
  Access,
  ApiErrors,
  ApiPage,
  CurrentPrincipal,
  Idempotent,
  PageQueryDto,
  type Principal,
} from '@lms/service-kit';
import { ListRecommendationsQueryDto } from './dto/list-recommendations.request.dto';
import { RecommendCoursesRequestDto } from './dto/recommend-courses.request.dto';
import { RecommendationIdParamsDto } from './dto/recommendation-id-params.request.dto';
import { RecommendationResponseDto, RecommendationsResponseDto } from './dto/recommendation.response.dto';
import { ListRecommendationsUseCase } from './use-cases/list-recommendations.use-case';
import { RecommendCoursesUseCase } from './use-cases/recommend-courses.use-case';
import { RemoveRecommendationUseCase } from './use-cases/remove-recommendation.use-case';

/**
 * HTTP adapter of coaches' course recommendations (CO-W4). Who may recommend is decided per
 * mentee by its assignments, so the routes admit any user and the use cases decide.
 */
@Controller('recommendations')
export class RecommendationsController {
  constructor(
    private readonly recommendCourses: RecommendCoursesUseCase,
    private readonly listRecommendations: ListRecommendationsUseCase,
    private readonly removeRecommendation: RemoveRecommendationUseCase,
  ) {}

  /** Recommending a course again to the same mentee changes nothing: 200 when nothing was new. */
  @Access(
    'user',
    'a coach of the mentee under a current, active assignment; nobody else, administrators included',
  )
  @Idempotent()
  @ApiCreatedResponse({
    type: RecommendationsResponseDto,
    description: 'At least one course was recommended now.',
  })
  @ApiOkResponse({ type: RecommendationsResponseDto, description: 'Every course was recommended already.' })
  @ApiErrors('RECOMMENDATION.FORBIDDEN', 'RECOMMENDATION.COURSES_UNAVAILABLE')
  @Post()
  async recommend(
    @CurrentPrincipal() caller: Principal,
    @Body() body: RecommendCoursesRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecommendationsResponseDto> {
    const { recommended, created } = await this.recommendCourses.execute({
      tenantId: caller.tenantId,
      coachId: caller.userId,
      menteeId: body.menteeId,
      courseIds: body.courseIds,
      note: body.note ?? null,
    });
    void reply.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return RecommendationsResponseDto.from(recommended);
  }

  /** Newest first. */
  @Access(
    'user',
    "a coach those it made, a mentee those made to it, System and Application Administrators and superadmins all of the tenant's",
  )
  @ApiPage(RecommendationResponseDto)
  @Get()
  async list(
    @CurrentPrincipal() caller: Principal,
    @Query() query: ListRecommendationsQueryDto,
  ): Promise<Page<RecommendationResponseDto>> {
    const page = await this.listRecommendations.execute({
      actor: caller,
      menteeId: query.menteeId,
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, RecommendationResponseDto.from);
  }

  @Access('user', 'the coach who made it; nobody else, administrators included')
  @ApiErrors('RECOMMENDATION.NOT_FOUND', 'RECOMMENDATION.FORBIDDEN')
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async remove(
    @CurrentPrincipal() caller: Principal,
    @Param() params: RecommendationIdParamsDto,
  ): Promise<void> {
    await this.removeRecommendation.execute({
      tenantId: caller.tenantId,
      id: params.id,
      userId: caller.userId,
    });
  }
}
