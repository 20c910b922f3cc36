import { Controller, Get, Query } from '@nestjs/common';
import { mapPage, type Page } from '@lms/kernel';
import { Access, CurrentTenant } from '@lms/service-kit';
import { CourseResponseDto } from './dto/course.response.dto';
import { ListCoursesQueryDto } from './dto/list-courses.request.dto';
import { ListCoursesUseCase } from './use-cases/list-courses.use-case';

@Access('user', 'any signed-in user of the tenant')
@Controller('courses')
export class CoursesController {
  constructor(private readonly listCourses: ListCoursesUseCase) {}

  @Get()
  async list(
    @CurrentTenant() tenantId: string,
    @Query() query: ListCoursesQueryDto,
  ): Promise<Page<CourseResponseDto>> {
    const page = await this.listCourses.execute({
      tenantId,
      page: { limit: query.limit, offset: query.offset },
    });
    return mapPage(page, CourseResponseDto.from);
  }
}
