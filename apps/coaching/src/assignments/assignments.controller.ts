import { Controller, Get, Param, Query } from '@nestjs/common';
import { mapPage, type Page } from '@lms/kernel';
import { ApiErrors, Access, CurrentTenant } from '@lms/service-kit';
import { AssignmentResponseDto } from './dto/assignment.response.dto';
import { IdParamsDto } from './dto/id-params.request.dto';
import { ListAssignmentsQueryDto } from './dto/list-assignments.request.dto';
import { GetAssignmentUseCase } from './use-cases/get-assignment.use-case';
import { ListAssignmentsUseCase } from './use-cases/list-assignments.use-case';

/** HTTP adapter of individual assignments, derived ones included (CO-A1, CO-A10). */
@Access(
  'administrator',
  "System and Application Administrators, superadmins (a coach's view of its own mentees comes with CO-W5)",
)
@Controller('assignments')
export class AssignmentsController {
  constructor(
    private readonly getAssignment: GetAssignmentUseCase,
    private readonly listAssignments: ListAssignmentsUseCase,
  ) {}

  @Get()
  async list(
    @CurrentTenant() tenantId: string,
    @Query() query: ListAssignmentsQueryDto,
  ): Promise<Page<AssignmentResponseDto>> {
    const { menteeId, coachId, groupAssignmentId, status } = query;
    const page = await this.listAssignments.execute({
      tenantId,
      filter: { menteeId, coachId, groupAssignmentId, status },
      page: { limit: query.limit, offset: query.offset },
    });
    return mapPage(page, AssignmentResponseDto.from);
  }

  @ApiErrors('ASSIGNMENT.NOT_FOUND')
  @Get(':id')
  async get(@CurrentTenant() tenantId: string, @Param() params: IdParamsDto): Promise<AssignmentResponseDto> {
    return AssignmentResponseDto.from(await this.getAssignment.execute({ tenantId, id: params.id }));
  }
}
