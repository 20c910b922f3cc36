import { Controller, Get, Query } from '@nestjs/common';
import { mapPage, type Page } from '@lms/kernel';
import { Access, ApiPage, CurrentPrincipal, PageQueryDto, type Principal } from '@lms/service-kit';
import { MyPlanResponseDto } from './dto/my-plan.response.dto';
import { ListMyPlansUseCase } from './use-cases/list-my-plans.use-case';

/** HTTP adapter of the caller's own learning plans (LE-P1). */
@Access('user', 'the learner itself, in its own plans')
@Controller('me/plans')
export class MyPlansController {
  constructor(private readonly listMyPlans: ListMyPlansUseCase) {}

  /** The caller's plans in enrollment order, each with its state and, per course, the caller's enrollment state. */
  @ApiPage(MyPlanResponseDto)
  @Get()
  async list(
    @CurrentPrincipal() caller: Principal,
    @Query() query: PageQueryDto,
  ): Promise<Page<MyPlanResponseDto>> {
    const page = await this.listMyPlans.execute({
      tenantId: caller.tenantId,
      actor: caller,
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, MyPlanResponseDto.from);
  }
}
