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
  StreamableFile,
} from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { mapPage, type Page } from '@lms/kernel';
import {
  ApiErrors,
  ApiPage,
  Access,
  CurrentTenant,
  Idempotent,
  IfMatch,
  PageQueryDto,
} from '@lms/service-kit';
import { AssignmentResponseDto } from './dto/assignment.response.dto';
import { CreateAssignmentRequestDto } from './dto/create-assignment.request.dto';
import { DeleteAssignmentQueryDto } from './dto/delete-assignment.request.dto';
import { EditAssignmentDatesRequestDto } from './dto/edit-assignment-dates.request.dto';
import { IdParamsDto } from './dto/id-params.request.dto';
import { AssignmentFilterQueryDto, ListAssignmentsQueryDto } from './dto/list-assignments.request.dto';
import { assignmentsCsv } from './assignments-csv';
import { ExportAssignmentsUseCase } from './use-cases/assignment-reports.use-cases';
import { ReactivateAssignmentRequestDto } from './dto/reactivate-assignment.request.dto';
import { TransferRequestDto } from './dto/transfer.request.dto';
import { AssignmentLifecycleUseCase } from './use-cases/assignment-lifecycle.use-case';
import { CreateAssignmentUseCase } from './use-cases/create-assignment.use-case';
import { GetAssignmentUseCase } from './use-cases/get-assignment.use-case';
import { ListAssignmentsUseCase } from './use-cases/list-assignments.use-case';

/** The errors every change of one assignment may answer. */
const CHANGE_ERRORS = [
  'ASSIGNMENT.NOT_FOUND',
  'ASSIGNMENT.DERIVED',
  'REQUEST.STALE_VERSION',
  'REQUEST.CONCURRENT_MODIFICATION',
];

/**
 * HTTP adapter of individual assignments, derived ones included: creation (CO-A1), lists
 * (CO-A10) and the lifecycle (CO-A4..A6, CO-A8, CO-A9). Every change takes `If-Match` with the
 * version read, and answers the assignment as it now is.
 */
@Access(
  'administrator',
  "System and Application Administrators, superadmins (a coach's view of its own mentees comes with CO-W5)",
)
@Controller('assignments')
export class AssignmentsController {
  constructor(
    private readonly createAssignment: CreateAssignmentUseCase,
    private readonly lifecycle: AssignmentLifecycleUseCase,
    private readonly getAssignment: GetAssignmentUseCase,
    private readonly listAssignments: ListAssignmentsUseCase,
    private readonly exportAssignments: ExportAssignmentsUseCase,
  ) {}

  /** One mentee, one or more coaches; `scheduled` until a start date after today. */
  @Idempotent()
  @ApiErrors('ASSIGNMENT.DATES_INVALID', 'ASSIGNMENT.SELF_COACHING', 'ASSIGNMENT.USERS_NOT_ASSIGNABLE')
  @Post()
  @HttpCode(HttpStatus.CREATED)
  async create(
    @CurrentTenant() tenantId: string,
    @Body() body: CreateAssignmentRequestDto,
  ): Promise<AssignmentResponseDto> {
    return AssignmentResponseDto.from(await this.createAssignment.execute({ tenantId, ...body }));
  }

  /**
   * Filtered, sorted, a page at a time (CO-A10); deleted assignments never. A cursor reads on
   * in the sort it came from only.
   */
  @ApiPage(AssignmentResponseDto)
  @Get()
  async list(
    @CurrentTenant() tenantId: string,
    @Query() query: ListAssignmentsQueryDto,
  ): Promise<Page<AssignmentResponseDto>> {
    const page = await this.listAssignments.execute({
      tenantId,
      filter: AssignmentFilterQueryDto.filterOf(query),
      page: PageQueryDto.pageOf(query),
      sort: query.sort,
    });
    return mapPage(page, AssignmentResponseDto.from);
  }

  /** CO-A12: every assignment the filters keep (current, expired and history) as CSV, streamed. */
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: "A header, then one row per assignment; a formula-like cell is prefixed with `'`.",
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @Get('export.csv')
  exportCsv(@CurrentTenant() tenantId: string, @Query() query: AssignmentFilterQueryDto): StreamableFile {
    const assignments = this.exportAssignments.execute({
      tenantId,
      filter: AssignmentFilterQueryDto.filterOf(query),
      sort: query.sort,
    });
    return new StreamableFile(assignmentsCsv(assignments), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="assignments.csv"',
    });
  }

  @ApiErrors('ASSIGNMENT.NOT_FOUND')
  @Get(':id')
  async get(@CurrentTenant() tenantId: string, @Param() params: IdParamsDto): Promise<AssignmentResponseDto> {
    return AssignmentResponseDto.from(await this.getAssignment.execute({ tenantId, id: params.id }));
  }

  /** CO-A4: the date range; the status follows it (a later start schedules, a past end expires). */
  @ApiErrors(...CHANGE_ERRORS, 'ASSIGNMENT.ALREADY_ENDED', 'ASSIGNMENT.EXPIRED', 'ASSIGNMENT.DATES_INVALID')
  @Patch(':id')
  async editDates(
    @CurrentTenant() tenantId: string,
    @Param() params: IdParamsDto,
    @Body() body: EditAssignmentDatesRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<AssignmentResponseDto> {
    const changed = await this.lifecycle.editDates({ tenantId, id: params.id, expectedVersion }, body);
    return AssignmentResponseDto.from(changed);
  }

  /** CO-A5: grants nothing until activated again; its setup is kept. */
  @ApiErrors(...CHANGE_ERRORS, 'ASSIGNMENT.ALREADY_ENDED')
  @Post(':id/deactivate')
  @HttpCode(HttpStatus.OK)
  async deactivate(
    @CurrentTenant() tenantId: string,
    @Param() params: IdParamsDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<AssignmentResponseDto> {
    return AssignmentResponseDto.from(
      await this.lifecycle.setActive({ tenantId, id: params.id, expectedVersion }, false),
    );
  }

  /** CO-A5: grants again what its dates and status say. */
  @ApiErrors(...CHANGE_ERRORS, 'ASSIGNMENT.ALREADY_ENDED')
  @Post(':id/activate')
  @HttpCode(HttpStatus.OK)
  async activate(
    @CurrentTenant() tenantId: string,
    @Param() params: IdParamsDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<AssignmentResponseDto> {
    return AssignmentResponseDto.from(
      await this.lifecycle.setActive({ tenantId, id: params.id, expectedVersion }, true),
    );
  }

  /** CO-A6: ends as of now, whatever the dates; history and interactions are kept. */
  @ApiErrors(...CHANGE_ERRORS, 'ASSIGNMENT.ALREADY_ENDED')
  @Post(':id/end')
  @HttpCode(HttpStatus.OK)
  async end(
    @CurrentTenant() tenantId: string,
    @Param() params: IdParamsDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<AssignmentResponseDto> {
    return AssignmentResponseDto.from(await this.lifecycle.end({ tenantId, id: params.id, expectedVersion }));
  }

  /** CO-A7: handed to other coaches as of now, dates and history kept; everyone involved is told. */
  @ApiErrors(
    ...CHANGE_ERRORS,
    'ASSIGNMENT.ALREADY_ENDED',
    'ASSIGNMENT.SAME_COACHES',
    'ASSIGNMENT.SELF_COACHING',
    'ASSIGNMENT.USERS_NOT_ASSIGNABLE',
  )
  @Post(':id/transfer')
  @HttpCode(HttpStatus.OK)
  async transfer(
    @CurrentTenant() tenantId: string,
    @Param() params: IdParamsDto,
    @Body() body: TransferRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<AssignmentResponseDto> {
    const transferred = await this.lifecycle.transfer(
      { tenantId, id: params.id, expectedVersion },
      body.coachIds,
      body.mode,
    );
    return AssignmentResponseDto.from(transferred);
  }

  /** CO-A8: an expired assignment is current again from a new start date (today by default), with no end. */
  @ApiErrors(
    ...CHANGE_ERRORS,
    'ASSIGNMENT.ALREADY_ENDED',
    'ASSIGNMENT.NOT_EXPIRED',
    'ASSIGNMENT.DATES_INVALID',
  )
  @Post(':id/reactivate')
  @HttpCode(HttpStatus.OK)
  async reactivate(
    @CurrentTenant() tenantId: string,
    @Param() params: IdParamsDto,
    @Body() body: ReactivateAssignmentRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<AssignmentResponseDto> {
    const reactivated = await this.lifecycle.reactivate({ tenantId, id: params.id, expectedVersion }, body);
    return AssignmentResponseDto.from(reactivated);
  }

  /**
   * CO-A9: removes the assignment from every list and report for good (shares are kept); only
   * with `confirm=DELETE`. Without it the answer names `.../end` as the alternative.
   */
  @ApiErrors(...CHANGE_ERRORS, 'ASSIGNMENT.DELETE_NOT_CONFIRMED')
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async delete(
    @CurrentTenant() tenantId: string,
    @Param() params: IdParamsDto,
    @Query() query: DeleteAssignmentQueryDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<void> {
    await this.lifecycle.delete({ tenantId, id: params.id, expectedVersion }, query.confirm);
  }
}
