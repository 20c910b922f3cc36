import { Controller, Get, Query } from '@nestjs/common';
import { emptyPage, mapPage, type Page } from '@lms/kernel';
import { Access, ApiPage, CurrentPrincipal, PageQueryDto, type Principal } from '@lms/service-kit';
import { RecommendationResponseDto } from './dto/recommendation.response.dto';
import { ListRecommendationsUseCase } from './use-cases/list-recommendations.use-case';

/** HTTP adapter of a mentee's own view (CO-W4): the courses its coaches recommended to it, newest first. */
@Access('user', 'any signed-in user: the recommendations made to it, none when nobody recommended any')
@Controller('me')
export class MyRecommendationsController {
  constructor(private readonly listRecommendations: ListRecommendationsUseCase) {}

  @ApiPage(RecommendationResponseDto)
  @Get('recommendations')
  async recommendations(
    @CurrentPrincipal() caller: Principal,
    @Query() query: PageQueryDto,
  ): Promise<Page<RecommendationResponseDto>> {
    const page = PageQueryDto.pageOf(query);
    // A service's token names no user: nobody recommended it anything.
    if (caller.userId === null) return emptyPage(page);
    const recommended = await this.listRecommendations.execute({
      actor: caller,
      menteeId: caller.userId,
      page,
    });
    return mapPage(recommended, RecommendationResponseDto.from);
  }
}
