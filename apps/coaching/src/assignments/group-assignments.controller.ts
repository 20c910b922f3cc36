import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { mapPage, type Page } from '@lms/kernel';
import { ApiErrors, Access, Idempotent, CurrentTenant } from '@lms/service-kit';
import { CreateGroupAssignmentRequestDto } from './dto/create-group-assignment.request.dto';
import { GroupAssignmentResponseDto } from './dto/group-assignment.response.dto';
import { IdParamsDto } from './dto/id-params.request.dto';
import { ListGroupAssignmentsQueryDto } from './dto/list-group-assignments.request.dto';
import { CreateGroupAssignmentUseCase } from './use-cases/create-group-assignment.use-case';
import { GetGroupAssignmentUseCase } from './use-cases/get-group-assignment.use-case';
import { ListGroupAssignmentsUseCase } from './use-cases/list-group-assignments.use-case';

/** HTTP adapter of group assignments (CO-A2). */
@Access('administrator', 'System and Application Administrators, superadmins')
@Controller('group-assignments')
export class GroupAssignmentsController {
  constructor(
    private readonly createGroupAssignment: CreateGroupAssignmentUseCase,
    private readonly getGroupAssignment: GetGroupAssignmentUseCase,
    private readonly listGroupAssignments: ListGroupAssignmentsUseCase,
  ) {}

  /** Creates it; the fan-out to the group's members runs afterwards, from its event. */
  @Idempotent()
  @ApiErrors('GROUP_ASSIGNMENT.INVALID', 'ASSIGNMENT.DATES_INVALID')
  @Post()
  @HttpCode(HttpStatus.CREATED)
  async create(
    @CurrentTenant() tenantId: string,
    @Body() body: CreateGroupAssignmentRequestDto,
  ): Promise<GroupAssignmentResponseDto> {
    const created = await this.createGroupAssignment.execute({ tenantId, ...body });
    return GroupAssignmentResponseDto.from(created);
  }

  @Get()
  async list(
    @CurrentTenant() tenantId: string,
    @Query() query: ListGroupAssignmentsQueryDto,
  ): Promise<Page<GroupAssignmentResponseDto>> {
    const page = await this.listGroupAssignments.execute({
      tenantId,
      groupId: query.groupId,
      page: { limit: query.limit, offset: query.offset },
    });
    return mapPage(page, GroupAssignmentResponseDto.from);
  }

  @ApiErrors('GROUP_ASSIGNMENT.NOT_FOUND')
  @Get(':id')
  async get(
    @CurrentTenant() tenantId: string,
    @Param() params: IdParamsDto,
  ): Promise<GroupAssignmentResponseDto> {
    return GroupAssignmentResponseDto.from(
      await this.getGroupAssignment.execute({ tenantId, id: params.id }),
    );
  }
}
