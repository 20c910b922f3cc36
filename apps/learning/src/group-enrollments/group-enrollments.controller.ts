import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { mapPage, type Page } from '@lms/kernel';
import {
  Access,
  ApiErrors,
  ApiPage,
  CurrentPrincipal,
  Idempotent,
  PageQueryDto,
  type Principal,
} from '@lms/service-kit';
import {
  CreateGroupEnrollmentRequestDto,
  GroupEnrollmentIdParamsDto,
  ListGroupEnrollmentsQueryDto,
} from './dto/group-enrollment.request.dto';
import {
  GroupEnrollmentDepartureResponseDto,
  GroupEnrollmentResponseDto,
} from './dto/group-enrollment.response.dto';
import {
  EndGroupEnrollmentUseCase,
  GetGroupEnrollmentUseCase,
  ListGroupEnrollmentDeparturesUseCase,
  ListGroupEnrollmentsUseCase,
} from './use-cases/group-enrollment-queries.use-cases';
import { StartGroupEnrollmentUseCase } from './use-cases/start-group-enrollment.use-case';

/**
 * HTTP adapter of group enrollments (LE-G1): a course or plan assigned to a group enrolls its
 * current members holding the chosen roles in the background, and its future ones as they
 * join; members who leave are reported, never unenrolled. Administrators and power users only.
 */
@Access(
  'user',
  'administrators; power users holding enrollments.manage, for the groups of their scope (a list names one of them, groupId); never an instructor of the course',
)
@Controller('group-enrollments')
export class GroupEnrollmentsController {
  constructor(
    private readonly startGroupEnrollment: StartGroupEnrollmentUseCase,
    private readonly getGroupEnrollment: GetGroupEnrollmentUseCase,
    private readonly listGroupEnrollments: ListGroupEnrollmentsUseCase,
    private readonly endGroupEnrollment: EndGroupEnrollmentUseCase,
    private readonly listDepartures: ListGroupEnrollmentDeparturesUseCase,
  ) {}

  /**
   * Accepted at once (202, `Location` of its progress, relative to this route): the group's
   * current members are enrolled in the background, chunk by chunk, through the same rules as
   * one enrollment (the course's policy, the session's seats, a plan's courses).
   */
  @Idempotent()
  @ApiErrors(
    'GROUP_ENROLLMENT.FORBIDDEN',
    'GROUP_ENROLLMENT.ALREADY_EXISTS',
    'GROUP_ENROLLMENT.TARGET_INVALID',
    'ENROLLMENT.COURSE_NOT_PUBLISHED',
    'ENROLLMENT.SESSION_REQUIRED',
    'ENROLLMENT.SESSION_NOT_ALLOWED',
    'COURSE.NOT_FOUND',
    'SESSION.NOT_FOUND',
    'PLAN.NOT_FOUND',
  )
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  async create(
    @CurrentPrincipal() caller: Principal,
    @Body() body: CreateGroupEnrollmentRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GroupEnrollmentResponseDto> {
    const created = await this.startGroupEnrollment.execute({
      tenantId: caller.tenantId,
      actor: caller,
      groupId: body.groupId,
      courseId: body.courseId,
      planId: body.planId,
      sessionId: body.sessionId,
      roles: body.roles,
    });
    void reply.header('Location', `group-enrollments/${created.id}`);
    return GroupEnrollmentResponseDto.from(created);
  }

  /** Newest first. */
  @ApiErrors('GROUP_ENROLLMENT.FORBIDDEN')
  @ApiPage(GroupEnrollmentResponseDto)
  @Get()
  async list(
    @CurrentPrincipal() caller: Principal,
    @Query() query: ListGroupEnrollmentsQueryDto,
  ): Promise<Page<GroupEnrollmentResponseDto>> {
    const page = await this.listGroupEnrollments.execute({
      tenantId: caller.tenantId,
      actor: caller,
      filter: {
        groupId: query.groupId,
        courseId: query.courseId,
        planId: query.planId,
        status: query.status,
      },
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, GroupEnrollmentResponseDto.from);
  }

  @ApiErrors('GROUP_ENROLLMENT.NOT_FOUND', 'GROUP_ENROLLMENT.FORBIDDEN')
  @Get(':id')
  async get(
    @CurrentPrincipal() caller: Principal,
    @Param() params: GroupEnrollmentIdParamsDto,
  ): Promise<GroupEnrollmentResponseDto> {
    const found = await this.getGroupEnrollment.execute({
      tenantId: caller.tenantId,
      actor: caller,
      id: params.id,
    });
    return GroupEnrollmentResponseDto.from(found);
  }

  /** Ends it: nobody else is enrolled through it, nobody is unenrolled. Ending it again changes nothing. */
  @ApiErrors('GROUP_ENROLLMENT.NOT_FOUND', 'GROUP_ENROLLMENT.FORBIDDEN')
  @Delete(':id')
  async end(
    @CurrentPrincipal() caller: Principal,
    @Param() params: GroupEnrollmentIdParamsDto,
  ): Promise<GroupEnrollmentResponseDto> {
    const ended = await this.endGroupEnrollment.execute({
      tenantId: caller.tenantId,
      actor: caller,
      id: params.id,
    });
    return GroupEnrollmentResponseDto.from(ended);
  }

  /** The members who left the group, or every chosen role, while enrolled through it: their enrollments are kept. */
  @ApiErrors('GROUP_ENROLLMENT.NOT_FOUND', 'GROUP_ENROLLMENT.FORBIDDEN')
  @ApiPage(GroupEnrollmentDepartureResponseDto)
  @Get(':id/departures')
  async departures(
    @CurrentPrincipal() caller: Principal,
    @Param() params: GroupEnrollmentIdParamsDto,
    @Query() query: PageQueryDto,
  ): Promise<Page<GroupEnrollmentDepartureResponseDto>> {
    const page = await this.listDepartures.execute({
      tenantId: caller.tenantId,
      actor: caller,
      id: params.id,
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, GroupEnrollmentDepartureResponseDto.from);
  }
}
