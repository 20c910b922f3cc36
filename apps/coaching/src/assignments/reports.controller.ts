import { Controller, Get, Query } from '@nestjs/common';
import { Access, CurrentTenant } from '@lms/service-kit';
import { AssignmentFilterQueryDto } from './dto/list-assignments.request.dto';
import type { AssignmentCounts } from './ports/assignment.repository';
import { ReportAssignmentsUseCase } from './use-cases/assignment-reports.use-cases';

/** The counts of assignments a report shows (CO-A12). */
export class AssignmentReportResponseDto implements AssignmentCounts {
  total!: number;
  /** How many in each status. */
  byStatus!: Record<string, number>;
  /** How many each coach has, most first. */
  byCoach!: Array<{ coachId: string; count: number }>;
  /** How many are filed under each group (null: none), most first. */
  byGroup!: Array<{ groupId: string | null; count: number }>;
}

/** HTTP adapter of coaching's reports (CO-A12): the same filters as the lists, as counts. */
@Access('administrator', 'System and Application Administrators, superadmins')
@Controller('reports')
export class ReportsController {
  constructor(private readonly report: ReportAssignmentsUseCase) {}

  @Get('assignments')
  async assignments(
    @CurrentTenant() tenantId: string,
    @Query() query: AssignmentFilterQueryDto,
  ): Promise<AssignmentReportResponseDto> {
    return this.report.execute({ tenantId, filter: AssignmentFilterQueryDto.filterOf(query) });
  }
}
