import { Controller, Get, Query } from '@nestjs/common';
import { CurrentTenant } from '@lms/service-kit';
import { CoursePageResponseDto } from './dto/course.response.dto';
import { ListCoursesQueryDto } from './dto/list-courses.request.dto';
import { ListCoursesUseCase } from './use-cases/list-courses.use-case';

@Controller('courses')
export class CoursesController {
  constructor(private readonly listCourses: ListCoursesUseCase) {}

  @Get()
  async list(
    @CurrentTenant() tenantId: string,
    @Query() query: ListCoursesQueryDto,
  ): Promise<CoursePageResponseDto> {
    return CoursePageResponseDto.from(
      await this.listCourses.execute({ tenantId, page: query.toPageRequest() }),
    );
  }
}
