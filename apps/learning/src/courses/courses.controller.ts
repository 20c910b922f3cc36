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
import { CourseResponseDto } from './dto/course.response.dto';
import { CourseIdParamsDto } from './dto/course-id-params.request.dto';
import { CreateCourseRequestDto } from './dto/create-course.request.dto';
import { EditCourseRequestDto } from './dto/edit-course.request.dto';
import { ListCoursesQueryDto } from './dto/list-courses.request.dto';
import { ChangeCourseStateUseCase } from './use-cases/change-course-state.use-case';
import { CreateCourseUseCase } from './use-cases/create-course.use-case';
import { DeleteCourseUseCase } from './use-cases/delete-course.use-case';
import { EditCourseUseCase } from './use-cases/edit-course.use-case';
import { GetCourseUseCase } from './use-cases/get-course.use-case';
import { ListCoursesUseCase } from './use-cases/list-courses.use-case';

/** The errors every change of one course may answer. */
const CHANGE_ERRORS = [
  'COURSE.NOT_FOUND',
  'COURSE.FORBIDDEN',
  'REQUEST.STALE_VERSION',
  'REQUEST.CONCURRENT_MODIFICATION',
];

/**
 * HTTP adapter of courses (LE-C1). Administrators and power users create and edit any course
 * of their tenant, the author its own; other users read the published courses of their
 * catalog. Another tenant's course is not found.
 */
@Access(
  'user',
  'administrators and power users create and edit any course, the author its own; other users read the published courses of their catalog',
)
@Controller('courses')
export class CoursesController {
  constructor(
    private readonly createCourse: CreateCourseUseCase,
    private readonly getCourse: GetCourseUseCase,
    private readonly listCourses: ListCoursesUseCase,
    private readonly editCourse: EditCourseUseCase,
    private readonly changeState: ChangeCourseStateUseCase,
    private readonly deleteCourse: DeleteCourseUseCase,
  ) {}

  /** A new draft, whose author is the caller. */
  @Access('power_user', 'System and Application Administrators, superadmins and power users')
  @Idempotent()
  @ApiErrors('COURSE.FORBIDDEN', 'COURSE.INVALID', 'COURSE.OVERBOOKING_NOT_ALLOWED')
  @Post()
  @HttpCode(HttpStatus.CREATED)
  async create(
    @CurrentPrincipal() caller: Principal,
    @Body() body: CreateCourseRequestDto,
  ): Promise<CourseResponseDto> {
    const course = await this.createCourse.execute({
      tenantId: caller.tenantId,
      actor: caller,
      kind: body.kind,
      details: {
        title: body.title,
        description: body.description ?? null,
        enrollmentPolicy: body.enrollmentPolicy ?? 'free',
        overbookingAllowed: body.overbookingAllowed ?? false,
        groupIds: body.groupIds ?? [],
        material: body.material ?? [],
      },
    });
    return CourseResponseDto.from(course);
  }

  /**
   * In creation order, in every state: the whole tenant's to administrators and power users,
   * to anyone else the courses it authored (learners read the catalog).
   */
  @ApiPage(CourseResponseDto)
  @Get()
  async list(
    @CurrentPrincipal() caller: Principal,
    @Query() query: ListCoursesQueryDto,
  ): Promise<Page<CourseResponseDto>> {
    const page = await this.listCourses.execute({
      tenantId: caller.tenantId,
      actor: caller,
      filter: { state: query.state, kind: query.kind },
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, CourseResponseDto.from);
  }

  @ApiErrors('COURSE.NOT_FOUND', 'COURSE.FORBIDDEN')
  @Get(':id')
  async get(
    @CurrentPrincipal() caller: Principal,
    @Param() params: CourseIdParamsDto,
  ): Promise<CourseResponseDto> {
    const course = await this.getCourse.execute({ tenantId: caller.tenantId, id: params.id, actor: caller });
    return CourseResponseDto.from(course);
  }

  /** A published course's change reaches the catalog's consumers (`course.updated`). */
  @ApiErrors(...CHANGE_ERRORS, 'COURSE.INVALID', 'COURSE.OVERBOOKING_NOT_ALLOWED', 'COURSE.ARCHIVED')
  @Patch(':id')
  async edit(
    @CurrentPrincipal() caller: Principal,
    @Param() params: CourseIdParamsDto,
    @Body() body: EditCourseRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<CourseResponseDto> {
    const course = await this.editCourse.execute({
      tenantId: caller.tenantId,
      id: params.id,
      actor: caller,
      expectedVersion,
      patch: {
        title: body.title,
        description: body.description,
        enrollmentPolicy: body.enrollmentPolicy,
        overbookingAllowed: body.overbookingAllowed,
        groupIds: body.groupIds,
        material: body.material,
      },
    });
    return CourseResponseDto.from(course);
  }

  /** A draft only, for good, with its sessions: a published course is archived instead. */
  @ApiErrors(...CHANGE_ERRORS, 'COURSE.NOT_DRAFT')
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async delete(
    @CurrentPrincipal() caller: Principal,
    @Param() params: CourseIdParamsDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<void> {
    await this.deleteCourse.execute({
      tenantId: caller.tenantId,
      id: params.id,
      actor: caller,
      expectedVersion,
    });
  }

  /** A draft enters the catalog (`course.published`). */
  @ApiErrors(...CHANGE_ERRORS, 'COURSE.TRANSITION_NOT_ALLOWED')
  @Post(':id/publish')
  @HttpCode(HttpStatus.OK)
  async publish(
    @CurrentPrincipal() caller: Principal,
    @Param() params: CourseIdParamsDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<CourseResponseDto> {
    const course = await this.changeState.execute({
      tenantId: caller.tenantId,
      id: params.id,
      actor: caller,
      transition: 'publish',
      expectedVersion,
    });
    return CourseResponseDto.from(course);
  }

  /** A published course leaves the catalog for good (`course.archived`); it is kept as history. */
  @ApiErrors(...CHANGE_ERRORS, 'COURSE.TRANSITION_NOT_ALLOWED')
  @Post(':id/archive')
  @HttpCode(HttpStatus.OK)
  async archive(
    @CurrentPrincipal() caller: Principal,
    @Param() params: CourseIdParamsDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<CourseResponseDto> {
    const course = await this.changeState.execute({
      tenantId: caller.tenantId,
      id: params.id,
      actor: caller,
      transition: 'archive',
      expectedVersion,
    });
    return CourseResponseDto.from(course);
  }
}
