import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { Access, ApiErrors, CurrentPrincipal, IfMatch, type Principal } from '@lms/service-kit';
import { CourseIdParamsDto } from './dto/course-id-params.request.dto';
import { CourseRoleHolderParamsDto, CourseRoleParamsDto } from './dto/course-role-params.request.dto';
import { CourseRolesResponseDto } from './dto/course-roles.response.dto';
import { GrantCourseRoleRequestDto } from './dto/grant-course-role.request.dto';
import { TransferCourseAuthorshipRequestDto } from './dto/transfer-course-authorship.request.dto';
import { GrantCourseRoleUseCase } from './use-cases/grant-course-role.use-case';
import { ListCourseRolesUseCase } from './use-cases/list-course-roles.use-case';
import { RevokeCourseRoleUseCase } from './use-cases/revoke-course-role.use-case';
import { TransferCourseAuthorshipUseCase } from './use-cases/transfer-course-authorship.use-case';

/** The errors every change of a course's roles may answer. */
const CHANGE_ERRORS = [
  'COURSE.NOT_FOUND',
  'COURSE_ROLE.FORBIDDEN',
  'COURSE_ROLE.COURSE_ARCHIVED',
  'REQUEST.STALE_VERSION',
  'REQUEST.CONCURRENT_MODIFICATION',
];

/**
 * HTTP adapter of course roles (LE-C2): who authors, co-authors, reviews, teaches and tutors a
 * course. Administrators, power users and the course's author grant and revoke any role and
 * hand the authorship on; a co-author grants and revokes co-authors and reviewers; those who
 * edit the course read its roles. Another tenant's course is not found.
 */
@Access(
  'user',
  "administrators, power users and the course's author; a co-author for co-authors and reviewers; those who edit the course read its roles",
)
@Controller('courses/:id')
export class CourseRolesController {
  constructor(
    private readonly listRoles: ListCourseRolesUseCase,
    private readonly grantRole: GrantCourseRoleUseCase,
    private readonly revokeRole: RevokeCourseRoleUseCase,
    private readonly transferAuthorship: TransferCourseAuthorshipUseCase,
  ) {}

  /** Who holds which role, whole (a course keeps at most 200 role entries), and who edits it. */
  @ApiErrors('COURSE.NOT_FOUND', 'COURSE_ROLE.FORBIDDEN')
  @Get('roles')
  async list(
    @CurrentPrincipal() caller: Principal,
    @Param() params: CourseIdParamsDto,
  ): Promise<CourseRolesResponseDto> {
    const course = await this.listRoles.execute({ tenantId: caller.tenantId, id: params.id, actor: caller });
    return CourseRolesResponseDto.from(course);
  }

  /**
   * Grants the user a role (`course-role.granted`); granting a role held already changes
   * nothing. A reviewer is mailed.
   */
  @ApiErrors(
    ...CHANGE_ERRORS,
    'COURSE_ROLE.AUTHOR_NOT_GRANTABLE',
    'COURSE_ROLE.REVIEWER_NEEDS_PUBLISHED',
    'COURSE_ROLE.CO_AUTHOR_NEEDS_AUTHOR_ROLE',
    'COURSE_ROLE.TOO_MANY',
  )
  @Put('roles/:userId')
  async grant(
    @CurrentPrincipal() caller: Principal,
    @Param() params: CourseRoleHolderParamsDto,
    @Body() body: GrantCourseRoleRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<CourseRolesResponseDto> {
    const course = await this.grantRole.execute({
      tenantId: caller.tenantId,
      id: params.id,
      actor: caller,
      userId: params.userId,
      role: body.role,
      expectedVersion,
    });
    return CourseRolesResponseDto.from(course);
  }

  /** Revokes the user's role (`course-role.revoked`); a role not held changes nothing. */
  @ApiErrors(...CHANGE_ERRORS, 'COURSE_ROLE.AUTHOR_NOT_GRANTABLE')
  @Delete('roles/:userId/:role')
  @HttpCode(HttpStatus.NO_CONTENT)
  async revoke(
    @CurrentPrincipal() caller: Principal,
    @Param() params: CourseRoleParamsDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<void> {
    await this.revokeRole.execute({
      tenantId: caller.tenantId,
      id: params.id,
      actor: caller,
      userId: params.userId,
      role: params.role,
      expectedVersion,
    });
  }

  /**
   * Hands the authorship on: the previous author keeps nothing unless granted a role
   * (`course-role.revoked` for it, `course-role.granted` for the new author).
   */
  @Access('user', "administrators, power users and the course's author")
  @ApiErrors(...CHANGE_ERRORS)
  @Post('author')
  @HttpCode(HttpStatus.OK)
  async transfer(
    @CurrentPrincipal() caller: Principal,
    @Param() params: CourseIdParamsDto,
    @Body() body: TransferCourseAuthorshipRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<CourseRolesResponseDto> {
    const course = await this.transferAuthorship.execute({
      tenantId: caller.tenantId,
      id: params.id,
      actor: caller,
      userId: body.userId,
      expectedVersion,
    });
    return CourseRolesResponseDto.from(course);
  }
}
