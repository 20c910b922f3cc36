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
  ApiErrors,
  ApiPage,
  Access,
  Idempotent,
  CurrentTenant,
  IfMatch,
  PageQueryDto,
} from '@lms/service-kit';
import { CreateGroupAssignmentRequestDto } from './dto/create-group-assignment.request.dto';
import { DeleteAssignmentQueryDto } from './dto/delete-assignment.request.dto';
import { EditAssignmentDatesRequestDto } from './dto/edit-assignment-dates.request.dto';
import { ReactivateAssignmentRequestDto } from './dto/reactivate-assignment.request.dto';
import { TransferRequestDto } from './dto/transfer.request.dto';
import { GroupAssignmentResponseDto } from './dto/group-assignment.response.dto';
import { IdParamsDto } from './dto/id-params.request.dto';
import { ListGroupAssignmentsQueryDto } from './dto/list-group-assignments.request.dto';
import { CreateGroupAssignmentUseCase } from './use-cases/create-group-assignment.use-case';
import { GetGroupAssignmentUseCase } from './use-cases/get-group-assignment.use-case';
import { GroupAssignmentLifecycleUseCase } from './use-cases/group-assignment-lifecycle.use-case';
import { ListGroupAssignmentsUseCase } from './use-cases/list-group-assignments.use-case';

/** The errors every change of one group assignment may answer. */
const CHANGE_ERRORS = [
  'GROUP_ASSIGNMENT.NOT_FOUND',
  'REQUEST.STALE_VERSION',
  'REQUEST.CONCURRENT_MODIFICATION',
];

/**
 * HTTP adapter of group assignments (CO-A2) and of their life (CO-A4..A9): a change is
 * answered at once; its derived assignments follow it afterwards, in bulk, with the progress in
 * `follow`.
 */
@Access('administrator', 'System and Application Administrators, superadmins')
@Controller('group-assignments')
export class GroupAssignmentsController {
  constructor(
    private readonly createGroupAssignment: CreateGroupAssignmentUseCase,
    private readonly getGroupAssignment: GetGroupAssignmentUseCase,
    private readonly listGroupAssignments: ListGroupAssignmentsUseCase,
    private readonly lifecycle: GroupAssignmentLifecycleUseCase,
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

  @ApiPage(GroupAssignmentResponseDto)
  @Get()
  async list(
    @CurrentTenant() tenantId: string,
    @Query() query: ListGroupAssignmentsQueryDto,
  ): Promise<Page<GroupAssignmentResponseDto>> {
    const page = await this.listGroupAssignments.execute({
      tenantId,
      groupId: query.groupId,
      page: PageQueryDto.pageOf(query),
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

  /**
   * CO-A4: a new date range; every assignment it gave takes it (a member's own later start
   * kept). An end date in the past expires it at once.
   */
  @ApiErrors(
    ...CHANGE_ERRORS,
    'GROUP_ASSIGNMENT.ALREADY_ENDED',
    'GROUP_ASSIGNMENT.EXPIRED',
    'ASSIGNMENT.DATES_INVALID',
  )
  @Patch(':id')
  async editDates(
    @CurrentTenant() tenantId: string,
    @Param() params: IdParamsDto,
    @Body() body: EditAssignmentDatesRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<GroupAssignmentResponseDto> {
    return GroupAssignmentResponseDto.from(
      await this.lifecycle.editDates({ tenantId, id: params.id, expectedVersion }, body),
    );
  }

  /**
   * CO-A8: an expired group assignment is current again from a new start date (today by
   * default), with no end; every member matching now gets a new assignment, the expired ones
   * stay as history.
   */
  @ApiErrors(...CHANGE_ERRORS, 'GROUP_ASSIGNMENT.NOT_EXPIRED', 'ASSIGNMENT.DATES_INVALID')
  @Post(':id/reactivate')
  @HttpCode(HttpStatus.OK)
  async reactivate(
    @CurrentTenant() tenantId: string,
    @Param() params: IdParamsDto,
    @Body() body: ReactivateAssignmentRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<GroupAssignmentResponseDto> {
    return GroupAssignmentResponseDto.from(
      await this.lifecycle.reactivate({ tenantId, id: params.id, expectedVersion }, body),
    );
  }

  /** CO-A5: grants nothing until activated again; its derived assignments follow. */
  @ApiErrors(...CHANGE_ERRORS, 'GROUP_ASSIGNMENT.ALREADY_ENDED')
  @Post(':id/deactivate')
  @HttpCode(HttpStatus.OK)
  async deactivate(
    @CurrentTenant() tenantId: string,
    @Param() params: IdParamsDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<GroupAssignmentResponseDto> {
    return GroupAssignmentResponseDto.from(
      await this.lifecycle.setActive({ tenantId, id: params.id, expectedVersion }, false),
    );
  }

  /** CO-A5: grants again; its derived assignments follow. */
  @ApiErrors(...CHANGE_ERRORS, 'GROUP_ASSIGNMENT.ALREADY_ENDED')
  @Post(':id/activate')
  @HttpCode(HttpStatus.OK)
  async activate(
    @CurrentTenant() tenantId: string,
    @Param() params: IdParamsDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<GroupAssignmentResponseDto> {
    return GroupAssignmentResponseDto.from(
      await this.lifecycle.setActive({ tenantId, id: params.id, expectedVersion }, true),
    );
  }

  /** CO-A6: ends as of now, and every assignment it gave with it; history is kept. */
  @ApiErrors(...CHANGE_ERRORS, 'GROUP_ASSIGNMENT.ALREADY_ENDED')
  @Post(':id/end')
  @HttpCode(HttpStatus.OK)
  async end(
    @CurrentTenant() tenantId: string,
    @Param() params: IdParamsDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<GroupAssignmentResponseDto> {
    return GroupAssignmentResponseDto.from(
      await this.lifecycle.end({ tenantId, id: params.id, expectedVersion }),
    );
  }

  /** CO-A7: handed to other coaches; every assignment it gave follows. */
  @ApiErrors(
    ...CHANGE_ERRORS,
    'GROUP_ASSIGNMENT.ALREADY_ENDED',
    'GROUP_ASSIGNMENT.SAME_COACHES',
    'ASSIGNMENT.USERS_NOT_ASSIGNABLE',
  )
  @Post(':id/transfer')
  @HttpCode(HttpStatus.OK)
  async transfer(
    @CurrentTenant() tenantId: string,
    @Param() params: IdParamsDto,
    @Body() body: TransferRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<GroupAssignmentResponseDto> {
    return GroupAssignmentResponseDto.from(
      await this.lifecycle.transfer({ tenantId, id: params.id, expectedVersion }, body.coachIds, body.mode),
    );
  }

  /** CO-A9: deleted for good with every assignment it gave, only with `confirm=DELETE`. */
  @ApiErrors(...CHANGE_ERRORS, 'GROUP_ASSIGNMENT.DELETE_NOT_CONFIRMED')
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
