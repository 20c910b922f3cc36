import type {} from '@fastify/multipart';
import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mapPage, type Page } from '@lms/kernel';
import {
  Access,
  ApiErrors,
  ApiPage,
  createValidationPipe,
  CurrentPrincipal,
  Idempotent,
  PageQueryDto,
  type Principal,
} from '@lms/service-kit';
import { templateRows } from './domain/import-columns';
import { ImportIdParamsDto } from './dto/import-id.request.dto';
import { IMPORT_KINDS } from './domain/import';
import { ImportTemplateParamsDto, KIND_OF_TEMPLATE } from './dto/import-template.request.dto';
import { ImportResponseDto } from './dto/import.response.dto';
import { ListImportsQueryDto } from './dto/list-imports.request.dto';
import { StartImportRequestDto } from './dto/start-import.request.dto';
import { csvText, reportCsv } from './infra/csv-writer';
import { ImportFileMissingError, ImportFileTooLargeError } from './imports.errors';
import { GetImportUseCase } from './use-cases/get-import.use-case';
import { ListImportsUseCase } from './use-cases/list-imports.use-case';
import { ReadImportReportUseCase } from './use-cases/read-import-report.use-case';
import { ReceiveImportFileUseCase, type ReceivedImportFile } from './use-cases/receive-import-file.use-case';
import { StartImportUseCase } from './use-cases/start-import.use-case';
import { DiscardImportFileUseCase } from './use-cases/discard-import-file.use-case';
import { DEFAULT_IMPORT_SETTINGS } from './use-cases/import-settings';

const ADMINISTRATORS = 'System and Application Administrators, superadmins of the tenant';
const FILE_ERRORS = [
  'IMPORT.FILE_MISSING',
  'IMPORT.FILE_TOO_LARGE',
  'IMPORT.FILE_ENCODING_INVALID',
  'IMPORT.FILE_MALFORMED',
  'IMPORT.FILE_EMPTY',
  'IMPORT.UNKNOWN_COLUMN',
  'IMPORT.DUPLICATE_COLUMN',
  'IMPORT.MISSING_COLUMN',
] as const;

/** The multipart stream's own refusal of a file past its limit, as the import's. */
async function* withinLimit(content: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield* content;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'FST_REQ_FILE_TOO_LARGE')
      throw new ImportFileTooLargeError(DEFAULT_IMPORT_SETTINGS.maxFileBytes);
    throw error;
  }
}

/**
 * CSV imports of users, of their states and of coaches' manager accounts (ID-I1, ID-I3, ID-I2,
 * ID-I4), by the tenant's administrators.
 */
@Access('administrator', ADMINISTRATORS)
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly receiveFile: ReceiveImportFileUseCase,
    private readonly startImport: StartImportUseCase,
    private readonly discardFile: DiscardImportFileUseCase,
    private readonly getImport: GetImportUseCase,
    private readonly listImports: ListImportsUseCase,
    private readonly readReport: ReadImportReportUseCase,
  ) {}

  /**
   * Starts an import: the file is stored as it arrives and read through once (not UTF-8, not
   * CSV, a header of another kind: refused at once); its rows are then validated and applied
   * later, by a job: 202 with the import `validating`, and its `Location`.
   */
  @Idempotent()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'kind'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'CSV, UTF-8, at most 50 MB.' },
        kind: {
          type: 'string',
          enum: [...IMPORT_KINDS],
          description:
            '`users` (ID-I1: users and their roles in groups), `states` (ID-I3: activate, deactivate, ' +
            'expiry dates) or `managers` (ID-I2: a coach profile per row, linking a manager account to ' +
            'its learner account, both existing users; `roleLearnerManager` and `roleCoach` are `1`; ' +
            '`Filters` is `FIELD=VALUE; FIELD=VALUE`, values compared exactly; a value no user holds ' +
            'is noted in the report as `IMPORT_ROW.FILTER_UNMATCHED`, and its row applied all the same). ' +
            'Each has its template at `GET /v1/imports/templates/{kind}.csv`.',
        },
        mode: { type: 'string', enum: ['valid_rows', 'all_or_nothing'], default: 'valid_rows' },
        dryRun: { type: 'boolean', default: false },
      },
    },
  })
  @ApiErrors(...FILE_ERRORS)
  @Post()
  @HttpCode(202)
  async start(
    @CurrentPrincipal() actor: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportResponseDto> {
    if (!request.isMultipart()) throw new ImportFileMissingError();
    const fields: Record<string, string> = {};
    let file: ReceivedImportFile | null = null;
    let body: StartImportRequestDto;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'field') fields[part.fieldname] = String(part.value);
        else if (part.fieldname !== 'file' || file !== null) await part.toBuffer().catch(() => undefined);
        else
          file = await this.receiveFile.execute({
            tenantId: actor.tenantId,
            fileName: part.filename || null,
            content: withinLimit(part.file),
          });
      }
      body = (await createValidationPipe().transform(fields, {
        type: 'body',
        metatype: StartImportRequestDto,
      })) as StartImportRequestDto;
    } catch (error) {
      if (file !== null) await this.discardFile.execute(file);
      throw error;
    }
    if (file === null) throw new ImportFileMissingError();
    const entry = await this.startImport.execute({
      actor,
      kind: body.kind,
      mode: body.mode ?? 'valid_rows',
      dryRun: body.dryRun ?? false,
      file,
    });
    void reply.header('Location', `imports/${entry.id}`);
    return ImportResponseDto.from(entry);
  }

  /** The tenant's imports, newest first. */
  @ApiPage(ImportResponseDto)
  @Get()
  async list(
    @CurrentPrincipal() actor: Principal,
    @Query() query: ListImportsQueryDto,
  ): Promise<Page<ImportResponseDto>> {
    const page = await this.listImports.execute({ actor, page: PageQueryDto.pageOf(query) });
    return mapPage(page, ImportResponseDto.from);
  }

  /** The template of a kind of import: its header and an example row. */
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The header, then an example row.',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @Get('templates/:file')
  template(@Param() params: ImportTemplateParamsDto): StreamableFile {
    return new StreamableFile(Buffer.from(csvText(templateRows(KIND_OF_TEMPLATE[params.file])), 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${params.file}"`,
    });
  }

  /** An import and how far it got: rows read, valid, rejected, applied, its state. */
  @ApiErrors('IMPORT.NOT_FOUND')
  @Get(':id')
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param() params: ImportIdParamsDto,
  ): Promise<ImportResponseDto> {
    return ImportResponseDto.from(await this.getImport.execute({ actor, importId: params.id }));
  }

  /**
   * Every reason a row was not applied, and every note on a row applied all the same (a coach's
   * filter value no user holds), in row order; a formula-like cell is prefixed with `'`.
   */
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'A header (Row, Column, Code, Message, Value), then one line per reason.',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiErrors('IMPORT.NOT_FOUND')
  @Get(':id/report.csv')
  async report(
    @CurrentPrincipal() actor: Principal,
    @Param() params: ImportIdParamsDto,
  ): Promise<StreamableFile> {
    const { issues } = await this.readReport.execute({ actor, importId: params.id });
    return new StreamableFile(reportCsv(issues), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="import-${params.id}-report.csv"`,
    });
  }
}
