import { Controller, Get, Query } from '@nestjs/common';
import { mapPage, type Page } from '@lms/kernel';
import { Access, ApiPage, CurrentPrincipal, PageQueryDto, type Principal } from '@lms/service-kit';
import { CourseResponseDto } from './dto/course.response.dto';
import { ListCatalogQueryDto } from './dto/list-catalog.request.dto';
import { ListCatalogUseCase } from './use-cases/list-catalog.use-case';

/** HTTP adapter of the catalog (LE-C1): the published courses the caller may see. */
@Access(
  'user',
  'any signed-in user: the published courses offered to everyone and to its groups; administrators every published course',
)
@Controller('catalog')
export class CatalogController {
  constructor(private readonly listCatalog: ListCatalogUseCase) {}

  /** In creation order. */
  @ApiPage(CourseResponseDto)
  @Get()
  async list(
    @CurrentPrincipal() caller: Principal,
    @Query() query: ListCatalogQueryDto,
  ): Promise<Page<CourseResponseDto>> {
    const page = await this.listCatalog.execute({
      tenantId: caller.tenantId,
      actor: caller,
      kind: query.kind,
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, CourseResponseDto.from);
  }
}
