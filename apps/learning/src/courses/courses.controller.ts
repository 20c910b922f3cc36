import { Controller, Get, Query } from '@nestjs/common';
import { mapPage, type Page } from '@lms/kernel';
import { Access, ApiPage, CurrentTenant, PageQueryDto } from '@lms/service-kit';
import { CourseResponseDto } from './dto/course.response.dto';
import { ListCoursesQueryDto } from './dto/list-courses.request.dto';
import { ListCoursesUseCase } from './use-cases/list-courses.use-case';

@Access('user', 'any signed-in user of the tenant')
@Controller('courses')
export class CoursesController {
  constructor(private readonly listCourses: ListCoursesUseCase) {}

  @Get()
  @ApiPage(CourseResponseDto)
  async list(
    @CurrentTenant() tenantId: string,
    @Query() query: ListCoursesQueryDto,
  ): Promise<Page<CourseResponseDto>> {
    const page = await this.listCourses.execute({
      tenantId,
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, CourseResponseDto.from);
  }
}
