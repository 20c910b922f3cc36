import { Controller, Get, Query } from '@nestjs/common';
import { emptyPage, mapPage, type Page } from '@lms/kernel';
import { Access, ApiPage, CurrentPrincipal, PageQueryDto, type Principal } from '@lms/service-kit';
import { CoachedMenteeResponseDto } from './dto/coached-mentee.response.dto';
import { ListMyMenteesUseCase } from './use-cases/list-my-mentees.use-case';

/** HTTP adapter of a coach's own view (CO-W5): the caller's current, active mentees, nobody else's. */
@Access('user', 'any signed-in user: its own mentees, none when it coaches nobody')
@Controller('me')
export class MyMenteesController {
  constructor(private readonly myMentees: ListMyMenteesUseCase) {}

  @ApiPage(CoachedMenteeResponseDto)
  @Get('mentees')
  async mentees(
    @CurrentPrincipal() caller: Principal,
    @Query() query: PageQueryDto,
  ): Promise<Page<CoachedMenteeResponseDto>> {
    const page = PageQueryDto.pageOf(query);
    // A service's token names no user: it coaches nobody.
    if (caller.userId === null) return emptyPage(page);
    const mentees = await this.myMentees.execute({ tenantId: caller.tenantId, coachId: caller.userId, page });
    return mapPage(mentees, CoachedMenteeResponseDto.from);
  }
}
