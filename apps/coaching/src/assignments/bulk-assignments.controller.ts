import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiErrors, Access, CurrentTenant, Idempotent } from '@lms/service-kit';
import {
  BulkAssignmentResponseDto,
  BulkCandidatesQueryDto,
  BulkCandidatesResponseDto,
  CreateBulkAssignmentRequestDto,
} from './dto/bulk-assignment.dto';
import { IdParamsDto } from './dto/id-params.request.dto';
import { GetBulkAssignmentUseCase, ListBulkCandidatesUseCase } from './use-cases/bulk-assignment.use-cases';
import { StartBulkAssignmentUseCase } from './use-cases/start-bulk-assignment.use-case';

/** HTTP adapter of bulk assignment (CO-A3): the two bins, then many assignments at once, in the background. */
@Access('administrator', 'System and Application Administrators, superadmins')
@Controller('assignments')
export class BulkAssignmentsController {
  constructor(
    private readonly candidates: ListBulkCandidatesUseCase,
    private readonly startBulk: StartBulkAssignmentUseCase,
    private readonly getBulk: GetBulkAssignmentUseCase,
  ) {}

  /** The group's members holding one of the roles, split by whether they already have those coaches. */
  @Get('bulk-candidates')
  async bulkCandidates(
    @CurrentTenant() tenantId: string,
    @Query() query: BulkCandidatesQueryDto,
  ): Promise<BulkCandidatesResponseDto> {
    return this.candidates.execute({ tenantId, ...query });
  }

  /**
   * Accepted at once (202, `Location` of its progress, relative to this route): an individual
   * assignment is created for each chosen member in the background, and the progress answers
   * what became of each.
   */
  @Idempotent()
  @ApiErrors('GROUP_ASSIGNMENT.INVALID', 'ASSIGNMENT.DATES_INVALID', 'ASSIGNMENT.USERS_NOT_ASSIGNABLE')
  @Post('bulk')
  @HttpCode(HttpStatus.ACCEPTED)
  async bulk(
    @CurrentTenant() tenantId: string,
    @Body() body: CreateBulkAssignmentRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BulkAssignmentResponseDto> {
    const bulk = await this.startBulk.execute({ tenantId, ...body });
    void reply.header('Location', `bulk/${bulk.id}`);
    return BulkAssignmentResponseDto.from(bulk);
  }

  @ApiErrors('BULK_ASSIGNMENT.NOT_FOUND')
  @Get('bulk/:id')
  async bulkProgress(
    @CurrentTenant() tenantId: string,
    @Param() params: IdParamsDto,
  ): Promise<BulkAssignmentResponseDto> {
    return BulkAssignmentResponseDto.from(await this.getBulk.execute({ tenantId, id: params.id }));
  }
}
