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
import { CreatePlanRequestDto } from './dto/create-plan.request.dto';
import { EditPlanRequestDto } from './dto/edit-plan.request.dto';
import { EnrollInPlanRequestDto } from './dto/enroll-in-plan.request.dto';
import { PlanEnrollmentResponseDto } from './dto/plan-enrollment.response.dto';
import { PlanIdParamsDto } from './dto/plan-id-params.request.dto';
import { PlanResponseDto } from './dto/plan.response.dto';
import { CreatePlanUseCase } from './use-cases/create-plan.use-case';
import { DeletePlanUseCase } from './use-cases/delete-plan.use-case';
import { EditPlanUseCase } from './use-cases/edit-plan.use-case';
import { EnrollInPlanUseCase } from './use-cases/enroll-in-plan.use-case';
import { GetPlanUseCase } from './use-cases/get-plan.use-case';
import { ListPlanEnrollmentsUseCase } from './use-cases/list-plan-enrollments.use-case';
import { ListPlansUseCase } from './use-cases/list-plans.use-case';

/** The errors every change of one plan may answer. */
const CHANGE_ERRORS = [
  'PLAN.NOT_FOUND',
  'PLAN.FORBIDDEN',
  'PLAN.HAS_ENROLLMENTS',
  'REQUEST.STALE_VERSION',
  'REQUEST.CONCURRENT_MODIFICATION',
];

/**
 * HTTP adapter of learning plans (LE-P1): administrators and power users make plans of the
 * tenant's courses and enroll learners in them. Another tenant's plan is not found.
 */
@Access('power_user', 'System and Application Administrators, superadmins and power users')
@Controller('plans')
export class PlansController {
  constructor(
    private readonly createPlan: CreatePlanUseCase,
    private readonly getPlan: GetPlanUseCase,
    private readonly listPlans: ListPlansUseCase,
    private readonly editPlan: EditPlanUseCase,
    private readonly deletePlan: DeletePlanUseCase,
    private readonly enrollInPlan: EnrollInPlanUseCase,
    private readonly listPlanEnrollments: ListPlanEnrollmentsUseCase,
  ) {}

  @Idempotent()
  @ApiErrors('PLAN.FORBIDDEN', 'PLAN.INVALID', 'PLAN.COURSE_NOT_FOUND')
  @Post()
  @HttpCode(HttpStatus.CREATED)
  async create(
    @CurrentPrincipal() caller: Principal,
    @Body() body: CreatePlanRequestDto,
  ): Promise<PlanResponseDto> {
    const plan = await this.createPlan.execute({
      tenantId: caller.tenantId,
      actor: caller,
      details: { title: body.title, description: body.description ?? null, courseIds: body.courseIds },
    });
    return PlanResponseDto.from(plan);
  }

  /** The tenant's plans, in creation order. */
  @ApiErrors('PLAN.FORBIDDEN')
  @ApiPage(PlanResponseDto)
  @Get()
  async list(
    @CurrentPrincipal() caller: Principal,
    @Query() query: PageQueryDto,
  ): Promise<Page<PlanResponseDto>> {
    const page = await this.listPlans.execute({
      tenantId: caller.tenantId,
      actor: caller,
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, PlanResponseDto.from);
  }

  @ApiErrors('PLAN.NOT_FOUND', 'PLAN.FORBIDDEN')
  @Get(':id')
  async get(
    @CurrentPrincipal() caller: Principal,
    @Param() params: PlanIdParamsDto,
  ): Promise<PlanResponseDto> {
    const plan = await this.getPlan.execute({ tenantId: caller.tenantId, id: params.id, actor: caller });
    return PlanResponseDto.from(plan);
  }

  /** Title and description at any time; the courses only while nobody is enrolled. */
  @ApiErrors(...CHANGE_ERRORS, 'PLAN.INVALID', 'PLAN.COURSE_NOT_FOUND')
  @Patch(':id')
  async edit(
    @CurrentPrincipal() caller: Principal,
    @Param() params: PlanIdParamsDto,
    @Body() body: EditPlanRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<PlanResponseDto> {
    const plan = await this.editPlan.execute({
      tenantId: caller.tenantId,
      id: params.id,
      actor: caller,
      expectedVersion,
      patch: { title: body.title, description: body.description, courseIds: body.courseIds },
    });
    return PlanResponseDto.from(plan);
  }

  /** A plan nobody is enrolled in, for good; its courses stay. */
  @ApiErrors(...CHANGE_ERRORS)
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async delete(
    @CurrentPrincipal() caller: Principal,
    @Param() params: PlanIdParamsDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<void> {
    await this.deletePlan.execute({
      tenantId: caller.tenantId,
      id: params.id,
      actor: caller,
      expectedVersion,
    });
  }

  /**
   * Enrolls the learner in each published course of the plan, as `POST /v1/enrollments` does
   * (an instructor-led course in its soonest session to come; a course it is enrolled in
   * already is kept), and in the plan, whose state is derived from those enrollments.
   */
  @Idempotent()
  @ApiErrors(
    'PLAN.NOT_FOUND',
    'PLAN.FORBIDDEN',
    'PLAN.ENROLLMENT_ALREADY_EXISTS',
    'ENROLLMENT.FORBIDDEN',
    'REQUEST.CONCURRENT_MODIFICATION',
  )
  @Post(':id/enrollments')
  @HttpCode(HttpStatus.CREATED)
  async enroll(
    @CurrentPrincipal() caller: Principal,
    @Param() params: PlanIdParamsDto,
    @Body() body: EnrollInPlanRequestDto,
  ): Promise<PlanEnrollmentResponseDto> {
    const { planEnrollment } = await this.enrollInPlan.execute({
      tenantId: caller.tenantId,
      actor: caller,
      planId: params.id,
      userId: body.userId,
    });
    return PlanEnrollmentResponseDto.from(planEnrollment);
  }

  /**
   * The plan's learners with their states, in enrollment order: every one to administrators, to a
   * power user those of its scope only (a page may then hold fewer than its limit; follow its cursor).
   */
  @ApiErrors('PLAN.NOT_FOUND', 'PLAN.FORBIDDEN')
  @ApiPage(PlanEnrollmentResponseDto)
  @Get(':id/enrollments')
  async enrollments(
    @CurrentPrincipal() caller: Principal,
    @Param() params: PlanIdParamsDto,
    @Query() query: PageQueryDto,
  ): Promise<Page<PlanEnrollmentResponseDto>> {
    const page = await this.listPlanEnrollments.execute({
      tenantId: caller.tenantId,
      id: params.id,
      actor: caller,
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, PlanEnrollmentResponseDto.from);
  }
}
