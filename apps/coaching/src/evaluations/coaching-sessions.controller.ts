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
import { CreateCoachingSessionRequestDto } from './dto/create-coaching-session.request.dto';
import { EditCoachingSessionRequestDto } from './dto/edit-coaching-session.request.dto';
import { CoachingSessionResponseDto } from './dto/coaching-session.response.dto';
import { ListCoachingRecordsQueryDto } from './dto/list-coaching-records.request.dto';
import { RecordIdParamsDto } from './dto/record-id-params.request.dto';
import { CreateCoachingRecordUseCase } from './use-cases/create-coaching-record.use-case';
import { DeleteCoachingRecordUseCase } from './use-cases/delete-coaching-record.use-case';
import { EditCoachingRecordUseCase } from './use-cases/edit-coaching-record.use-case';
import { GetCoachingRecordUseCase } from './use-cases/get-coaching-record.use-case';
import { ListCoachingRecordsUseCase } from './use-cases/list-coaching-records.use-case';

/** The errors every change of one coaching session may answer. */
const CHANGE_ERRORS = [
  'COACHING_SESSION.NOT_FOUND',
  'COACHING_SESSION.FORBIDDEN',
  'COACHING_SESSION.ADMINISTRATOR_READ_ONLY',
  'REQUEST.STALE_VERSION',
  'REQUEST.CONCURRENT_MODIFICATION',
];

/**
 * HTTP adapter of coaching sessions (CO-W3). Who reads and writes is decided per mentee,
 * so the routes admit any user and the use cases refuse the others: a coach of the mentee now
 * or one of its managers writes; the mentee reads those about itself; administrators read
 * them all and write none.
 */
@Access(
  'user',
  'a coach of the mentee (current, active assignment) or its manager writes; the mentee, the author and administrators read; administrators never write',
)
@Controller('coaching-sessions')
export class CoachingSessionsController {
  constructor(
    private readonly createRecord: CreateCoachingRecordUseCase,
    private readonly getRecord: GetCoachingRecordUseCase,
    private readonly listRecords: ListCoachingRecordsUseCase,
    private readonly editRecord: EditCoachingRecordUseCase,
    private readonly deleteRecord: DeleteCoachingRecordUseCase,
  ) {}

  /** Written as the caller, about a mentee it coaches now or a user it manages. */
  @Idempotent()
  @ApiErrors(
    'COACHING_SESSION.FORBIDDEN',
    'COACHING_SESSION.ADMINISTRATOR_READ_ONLY',
    'COACHING_SESSION.INVALID',
  )
  @Post()
  @HttpCode(HttpStatus.CREATED)
  async create(
    @CurrentPrincipal() caller: Principal,
    @Body() body: CreateCoachingSessionRequestDto,
  ): Promise<CoachingSessionResponseDto> {
    const session = await this.createRecord.execute({
      tenantId: caller.tenantId,
      kind: 'coaching_session',
      actor: caller,
      menteeId: body.menteeId,
      content: { date: body.date, notes: body.notes, outcome: body.outcome ?? null },
    });
    return CoachingSessionResponseDto.from(session);
  }

  /**
   * Newest first, what the caller may read: an administrator's whole tenant; for anyone else,
   * with `menteeId`, the records of a mentee it coaches or manages (or only its own about
   * others), without it, those about itself and those it wrote.
   */
  @ApiPage(CoachingSessionResponseDto)
  @Get()
  async list(
    @CurrentPrincipal() caller: Principal,
    @Query() query: ListCoachingRecordsQueryDto,
  ): Promise<Page<CoachingSessionResponseDto>> {
    const page = await this.listRecords.execute({
      tenantId: caller.tenantId,
      kind: 'coaching_session',
      actor: caller,
      filter: { menteeId: query.menteeId, authorId: query.authorId },
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, CoachingSessionResponseDto.from);
  }

  @ApiErrors('COACHING_SESSION.NOT_FOUND', 'COACHING_SESSION.FORBIDDEN')
  @Get(':id')
  async get(
    @CurrentPrincipal() caller: Principal,
    @Param() params: RecordIdParamsDto,
  ): Promise<CoachingSessionResponseDto> {
    const session = await this.getRecord.execute({
      tenantId: caller.tenantId,
      kind: 'coaching_session',
      id: params.id,
      actor: caller,
    });
    return CoachingSessionResponseDto.from(session);
  }

  /** Any of the mentee's coaches now or managers edits it, whoever wrote it. */
  @ApiErrors(...CHANGE_ERRORS, 'COACHING_SESSION.INVALID')
  @Patch(':id')
  async edit(
    @CurrentPrincipal() caller: Principal,
    @Param() params: RecordIdParamsDto,
    @Body() body: EditCoachingSessionRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<CoachingSessionResponseDto> {
    const session = await this.editRecord.execute({
      tenantId: caller.tenantId,
      kind: 'coaching_session',
      id: params.id,
      actor: caller,
      expectedVersion,
      patch: { date: body.date, notes: body.notes, outcome: body.outcome },
    });
    return CoachingSessionResponseDto.from(session);
  }

  /** For good. */
  @ApiErrors(...CHANGE_ERRORS)
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async delete(
    @CurrentPrincipal() caller: Principal,
    @Param() params: RecordIdParamsDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<void> {
    await this.deleteRecord.execute({
      tenantId: caller.tenantId,
      kind: 'coaching_session',
      id: params.id,
      actor: caller,
      expectedVersion,
    });
  }
}
