import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { mapPage, type Page } from '@lms/kernel';
import { Access, ApiErrors, ApiPage, CurrentPrincipal, PageQueryDto, type Principal } from '@lms/service-kit';
import { EnrollmentResponseDto } from './dto/enrollment.response.dto';
import { MyCourseMaterialParamsDto, MyCourseParamsDto } from './dto/my-course-params.request.dto';
import { MyCourseResponseDto } from './dto/my-course.response.dto';
import { ListMyCoursesUseCase } from './use-cases/list-my-courses.use-case';
import { RecordProgressUseCase } from './use-cases/record-progress.use-case';

/** The refusals of a learner's step in a course it has no access to. */
const NO_ACCESS = [
  'ENROLLMENT.NOT_FOUND',
  'ENROLLMENT.WAITING',
  'ENROLLMENT.SUSPENDED',
  'ENROLLMENT.OVERBOOKED',
];

/** HTTP adapter of the caller's own courses (LE-E1, LE-E4): "my courses" and its progress in them. */
@Access('user', 'the learner itself, in its own enrollments')
@Controller('me/courses')
export class MyCoursesController {
  constructor(
    private readonly listMyCourses: ListMyCoursesUseCase,
    private readonly recordProgress: RecordProgressUseCase,
  ) {}

  /** The caller's courses in enrollment order, each with its state and what it may do in it. */
  @ApiPage(MyCourseResponseDto)
  @Get()
  async list(
    @CurrentPrincipal() caller: Principal,
    @Query() query: PageQueryDto,
  ): Promise<Page<MyCourseResponseDto>> {
    const page = await this.listMyCourses.execute({
      tenantId: caller.tenantId,
      actor: caller,
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, MyCourseResponseDto.from);
  }

  /** The caller opens the course: `enrolled` becomes `in_progress`; the first opening is announced. */
  @ApiErrors(...NO_ACCESS, 'REQUEST.CONCURRENT_MODIFICATION')
  @Post(':courseId/open')
  @HttpCode(HttpStatus.OK)
  async open(
    @CurrentPrincipal() caller: Principal,
    @Param() params: MyCourseParamsDto,
  ): Promise<EnrollmentResponseDto> {
    const enrollment = await this.recordProgress.execute({
      tenantId: caller.tenantId,
      actor: caller,
      courseId: params.courseId,
      step: { kind: 'open' },
    });
    return EnrollmentResponseDto.from(enrollment);
  }

  /** The caller completed a material item; every item of an e-learning course completes it. */
  @ApiErrors(...NO_ACCESS, 'ENROLLMENT.MATERIAL_NOT_FOUND', 'REQUEST.CONCURRENT_MODIFICATION')
  @Post(':courseId/material/:index/complete')
  @HttpCode(HttpStatus.OK)
  async completeMaterial(
    @CurrentPrincipal() caller: Principal,
    @Param() params: MyCourseMaterialParamsDto,
  ): Promise<EnrollmentResponseDto> {
    const enrollment = await this.recordProgress.execute({
      tenantId: caller.tenantId,
      actor: caller,
      courseId: params.courseId,
      step: { kind: 'complete_material', index: params.index },
    });
    return EnrollmentResponseDto.from(enrollment);
  }
}
