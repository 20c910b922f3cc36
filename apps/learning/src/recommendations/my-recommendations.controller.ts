import { Controller, Get, Query } from '@nestjs/common';
import { mapPage, type Page } from '@lms/kernel';
import { Access, ApiPage, CurrentPrincipal, PageQueryDto, type Principal } from '@lms/service-kit';
import { RecommendedCourseResponseDto } from './dto/my-recommendation.response.dto';
import { ListMyRecommendationsUseCase } from './use-cases/list-my-recommendations.use-case';

/**
 * HTTP adapter of the learner's own view of its coaches' recommendations (CO-W4): each course
 * with whether it enrolled and completed it.
 */
@Access('user', 'any signed-in user: the courses recommended to it, none when nobody recommended any')
@Controller('me/recommendations')
export class MyRecommendationsController {
  constructor(private readonly listMyRecommendations: ListMyRecommendationsUseCase) {}

  /** Newest first. */
  @ApiPage(RecommendedCourseResponseDto)
  @Get()
  async list(
    @CurrentPrincipal() caller: Principal,
    @Query() query: PageQueryDto,
  ): Promise<Page<RecommendedCourseResponseDto>> {
    const page = await this.listMyRecommendations.execute({
      tenantId: caller.tenantId,
      userId: caller.userId,
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, RecommendedCourseResponseDto.from);
  }
}
