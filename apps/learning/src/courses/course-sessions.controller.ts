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
import type { SessionDetails } from './domain/course-session';
import { CourseIdParamsDto } from './dto/course-id-params.request.dto';
import { CourseSessionResponseDto } from './dto/course-session.response.dto';
import { CreateCourseSessionRequestDto } from './dto/create-course-session.request.dto';
import { EditCourseSessionRequestDto } from './dto/edit-course-session.request.dto';
import { SessionParamsDto } from './dto/session-params.request.dto';
import { CreateCourseSessionUseCase } from './use-cases/create-course-session.use-case';
import { DeleteCourseSessionUseCase } from './use-cases/delete-course-session.use-case';
import { EditCourseSessionUseCase } from './use-cases/edit-course-session.use-case';
import { ListCourseSessionsUseCase } from './use-cases/list-course-sessions.use-case';

/** The errors every change of a course's sessions may answer. */
const SCHEDULE_ERRORS = ['COURSE.NOT_FOUND', 'COURSE.FORBIDDEN', 'COURSE.ARCHIVED', 'SESSION.COURSE_NOT_ILT'];

/**
 * HTTP adapter of the sessions of instructor-led courses (LE-C1): scheduled by whoever may
 * edit the course, read by whoever may read it.
 */
@Access(
  'user',
  'administrators, power users and the course author schedule sessions; whoever reads the course reads them',
)
@Controller('courses/:id/sessions')
export class CourseSessionsController {
  constructor(
    private readonly createSession: CreateCourseSessionUseCase,
    private readonly listSessions: ListCourseSessionsUseCase,
    private readonly editSession: EditCourseSessionUseCase,
    private readonly deleteSession: DeleteCourseSessionUseCase,
  ) {}

  @Idempotent()
  @ApiErrors(...SCHEDULE_ERRORS, 'SESSION.INVALID')
  @Post()
  @HttpCode(HttpStatus.CREATED)
  async create(
    @CurrentPrincipal() caller: Principal,
    @Param() params: CourseIdParamsDto,
    @Body() body: CreateCourseSessionRequestDto,
  ): Promise<CourseSessionResponseDto> {
    const session = await this.createSession.execute({
      tenantId: caller.tenantId,
      id: params.id,
      actor: caller,
      details: {
        startsAt: new Date(body.startsAt),
        endsAt: new Date(body.endsAt),
        place: body.place ?? null,
        link: body.link ?? null,
        capacity: body.capacity,
      },
    });
    return CourseSessionResponseDto.from(session);
  }

  /** Soonest first. */
  @ApiPage(CourseSessionResponseDto)
  @ApiErrors('COURSE.NOT_FOUND', 'COURSE.FORBIDDEN', 'SESSION.COURSE_NOT_ILT')
  @Get()
  async list(
    @CurrentPrincipal() caller: Principal,
    @Param() params: CourseIdParamsDto,
    @Query() query: PageQueryDto,
  ): Promise<Page<CourseSessionResponseDto>> {
    const page = await this.listSessions.execute({
      tenantId: caller.tenantId,
      id: params.id,
      actor: caller,
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, CourseSessionResponseDto.from);
  }

  @ApiErrors(
    ...SCHEDULE_ERRORS,
    'SESSION.NOT_FOUND',
    'SESSION.INVALID',
    'REQUEST.STALE_VERSION',
    'REQUEST.CONCURRENT_MODIFICATION',
  )
  @Patch(':sessionId')
  async edit(
    @CurrentPrincipal() caller: Principal,
    @Param() params: SessionParamsDto,
    @Body() body: EditCourseSessionRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<CourseSessionResponseDto> {
    const patch: Partial<SessionDetails> = {
      startsAt: body.startsAt === undefined ? undefined : new Date(body.startsAt),
      endsAt: body.endsAt === undefined ? undefined : new Date(body.endsAt),
      place: body.place,
      link: body.link,
      capacity: body.capacity,
    };
    const session = await this.editSession.execute({
      tenantId: caller.tenantId,
      id: params.id,
      sessionId: params.sessionId,
      actor: caller,
      expectedVersion,
      patch,
    });
    return CourseSessionResponseDto.from(session);
  }

  /** For good. */
  @ApiErrors(
    ...SCHEDULE_ERRORS,
    'SESSION.NOT_FOUND',
    'REQUEST.STALE_VERSION',
    'REQUEST.CONCURRENT_MODIFICATION',
  )
  @Delete(':sessionId')
  @HttpCode(HttpStatus.NO_CONTENT)
  async delete(
    @CurrentPrincipal() caller: Principal,
    @Param() params: SessionParamsDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<void> {
    await this.deleteSession.execute({
      tenantId: caller.tenantId,
      id: params.id,
      sessionId: params.sessionId,
      actor: caller,
      expectedVersion,
    });
  }
}
