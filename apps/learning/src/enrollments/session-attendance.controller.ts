import { Controller, Get, Param, Query } from '@nestjs/common';
import { mapPage, type Page } from '@lms/kernel';
import { Access, ApiErrors, ApiPage, CurrentPrincipal, PageQueryDto, type Principal } from '@lms/service-kit';
import { EnrollmentResponseDto } from './dto/enrollment.response.dto';
import { SessionAttendanceParamsDto } from './dto/session-attendance-params.request.dto';
import { ListSessionAttendanceUseCase } from './use-cases/list-session-attendance.use-case';

/**
 * HTTP adapter of a session's attendance (LE-C2): the learners of one session of an
 * instructor-led course with their attendance and grades, for those who mark them.
 */
@Access(
  'user',
  "the course's instructors, System and Application Administrators, superadmins and power users",
)
@Controller('courses/:id/sessions/:sessionId/attendance')
export class SessionAttendanceController {
  constructor(private readonly listAttendance: ListSessionAttendanceUseCase) {}

  /** The session's enrollments in creation order, each with its state, attendance and grade. */
  @ApiPage(EnrollmentResponseDto)
  @ApiErrors('COURSE.NOT_FOUND', 'ENROLLMENT.FORBIDDEN', 'SESSION.COURSE_NOT_ILT', 'SESSION.NOT_FOUND')
  @Get()
  async list(
    @CurrentPrincipal() caller: Principal,
    @Param() params: SessionAttendanceParamsDto,
    @Query() query: PageQueryDto,
  ): Promise<Page<EnrollmentResponseDto>> {
    const page = await this.listAttendance.execute({
      tenantId: caller.tenantId,
      actor: caller,
      courseId: params.id,
      sessionId: params.sessionId,
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, EnrollmentResponseDto.from);
  }
}
