import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { mapPage, type Page } from '@lms/kernel';
import {
  Access,
  ApiErrors,
  ApiPage,
  CurrentPrincipal,
  Idempotent,
  IfMatch,
  PageQueryDto,
  type Principal,
} from '@lms/service-kit';
import { ChangeEnrollmentStateRequestDto } from './dto/change-enrollment-state.request.dto';
import { CreateEnrollmentRequestDto } from './dto/create-enrollment.request.dto';
import { EnrollmentIdParamsDto } from './dto/enrollment-id-params.request.dto';
import { EnrollmentResponseDto } from './dto/enrollment.response.dto';
import { ListEnrollmentsQueryDto } from './dto/list-enrollments.request.dto';
import { MarkAttendanceRequestDto } from './dto/mark-attendance.request.dto';
import { ChangeEnrollmentStateUseCase } from './use-cases/change-enrollment-state.use-case';
import { CreateEnrollmentUseCase } from './use-cases/create-enrollment.use-case';
import { DeleteEnrollmentUseCase } from './use-cases/delete-enrollment.use-case';
import { GetEnrollmentUseCase } from './use-cases/get-enrollment.use-case';
import { ListEnrollmentsUseCase } from './use-cases/list-enrollments.use-case';
import { MarkAttendanceUseCase } from './use-cases/mark-attendance.use-case';

/** The errors every change of one enrollment may answer. */
const CHANGE_ERRORS = [
  'ENROLLMENT.NOT_FOUND',
  'ENROLLMENT.FORBIDDEN',
  'REQUEST.STALE_VERSION',
  'REQUEST.CONCURRENT_MODIFICATION',
];

/**
 * HTTP adapter of enrollments (LE-E1, LE-E2, LE-E3). Administrators and power users enroll
 * anyone of their tenant, change states and unenroll; a learner enrolls itself in a course of
 * its catalog, reads its own enrollments and unenrolls. Another tenant's enrollment is not found.
 */
@Access(
  'user',
  'administrators manage every enrollment, a power user holding enrollments.manage those of the members of its scope, a manager enrolls its managees and reads their enrollments; a learner enrolls itself in a course of its catalog and reads its own',
)
@Controller('enrollments')
export class EnrollmentsController {
  constructor(
    private readonly createEnrollment: CreateEnrollmentUseCase,
    private readonly getEnrollment: GetEnrollmentUseCase,
    private readonly listEnrollments: ListEnrollmentsUseCase,
    private readonly changeState: ChangeEnrollmentStateUseCase,
    private readonly deleteEnrollment: DeleteEnrollmentUseCase,
    private readonly markAttendance: MarkAttendanceUseCase,
  ) {}

  /**
   * The course's policy and the session's seats decide the first state: `enrolled`, `waiting`
   * (approval, or a full session) or `to_be_confirmed` (approval of an instructor-led course).
   */
  @Idempotent()
  @ApiErrors(
    'ENROLLMENT.FORBIDDEN',
    'ENROLLMENT.ALREADY_EXISTS',
    'ENROLLMENT.COURSE_NOT_PUBLISHED',
    'ENROLLMENT.SESSION_REQUIRED',
    'ENROLLMENT.SESSION_NOT_ALLOWED',
    'COURSE.NOT_FOUND',
    'COURSE.FORBIDDEN',
    'SESSION.NOT_FOUND',
    'REQUEST.CONCURRENT_MODIFICATION',
  )
  @Post()
  @HttpCode(HttpStatus.CREATED)
  async create(
    @CurrentPrincipal() caller: Principal,
    @Body() body: CreateEnrollmentRequestDto,
  ): Promise<EnrollmentResponseDto> {
    const enrollment = await this.createEnrollment.execute({
      tenantId: caller.tenantId,
      actor: caller,
      courseId: body.courseId,
      userId: body.userId,
      sessionId: body.sessionId,
    });
    return EnrollmentResponseDto.from(enrollment);
  }

  /** In creation order: the whole tenant's to administrators and power users, to anyone else its own. */
  @ApiPage(EnrollmentResponseDto)
  @Get()
  async list(
    @CurrentPrincipal() caller: Principal,
    @Query() query: ListEnrollmentsQueryDto,
  ): Promise<Page<EnrollmentResponseDto>> {
    const page = await this.listEnrollments.execute({
      tenantId: caller.tenantId,
      actor: caller,
      filter: { courseId: query.courseId, userId: query.userId, state: query.state },
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, EnrollmentResponseDto.from);
  }

  @ApiErrors('ENROLLMENT.NOT_FOUND', 'ENROLLMENT.FORBIDDEN')
  @Get(':id')
  async get(
    @CurrentPrincipal() caller: Principal,
    @Param() params: EnrollmentIdParamsDto,
  ): Promise<EnrollmentResponseDto> {
    const enrollment = await this.getEnrollment.execute({
      tenantId: caller.tenantId,
      id: params.id,
      actor: caller,
    });
    return EnrollmentResponseDto.from(enrollment);
  }

  /** An administrator's change of state (`enrollment.state-changed`). */
  @Access(
    'power_user',
    'System and Application Administrators, superadmins; power users holding enrollments.manage, for the members of their scope',
  )
  @ApiErrors(
    ...CHANGE_ERRORS,
    'ENROLLMENT.TRANSITION_NOT_ALLOWED',
    'ENROLLMENT.OVERBOOKING_NOT_ALLOWED',
    'ENROLLMENT.SESSION_FULL',
  )
  @Patch(':id')
  async edit(
    @CurrentPrincipal() caller: Principal,
    @Param() params: EnrollmentIdParamsDto,
    @Body() body: ChangeEnrollmentStateRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<EnrollmentResponseDto> {
    const enrollment = await this.changeState.execute({
      tenantId: caller.tenantId,
      id: params.id,
      actor: caller,
      state: body.state,
      expectedVersion,
    });
    return EnrollmentResponseDto.from(enrollment);
  }

  /**
   * Marks whether the learner attended its instructor-led session, from the session's start on,
   * with an optional grade and note (replacing the mark before). Attended completes the
   * enrollment; absent takes a completion back. Each change writes `enrollment.state-changed`;
   * the same mark again changes nothing.
   */
  @Access(
    'user',
    "the course's instructors, System and Application Administrators, superadmins and power users",
  )
  @ApiErrors(
    ...CHANGE_ERRORS,
    'ENROLLMENT.NOT_ILT',
    'ENROLLMENT.CANNOT_ATTEND',
    'ENROLLMENT.SESSION_NOT_STARTED',
    'ENROLLMENT.ATTENDANCE_INVALID',
    'SESSION.NOT_FOUND',
  )
  @Put(':id/attendance')
  async attendance(
    @CurrentPrincipal() caller: Principal,
    @Param() params: EnrollmentIdParamsDto,
    @Body() body: MarkAttendanceRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<EnrollmentResponseDto> {
    const enrollment = await this.markAttendance.execute({
      tenantId: caller.tenantId,
      id: params.id,
      actor: caller,
      attended: body.attended,
      grade: body.grade ?? null,
      note: body.note ?? null,
      expectedVersion,
    });
    return EnrollmentResponseDto.from(enrollment);
  }

  /** Unenrolls (`enrollment.deleted`); a seat freed goes to the oldest learner waiting for it. */
  @ApiErrors(...CHANGE_ERRORS)
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async delete(
    @CurrentPrincipal() caller: Principal,
    @Param() params: EnrollmentIdParamsDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<void> {
    await this.deleteEnrollment.execute({
      tenantId: caller.tenantId,
      id: params.id,
      actor: caller,
      expectedVersion,
    });
  }
}
