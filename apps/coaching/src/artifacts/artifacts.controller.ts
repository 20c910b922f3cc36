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
  Put,
  Query,
} from '@nestjs/common';
import { emptyPage, mapPage, type Page } from '@lms/kernel';
import {
  Access,
  ApiErrors,
  ApiPage,
  administersTenant,
  CurrentPrincipal,
  Idempotent,
  IfMatch,
  PageQueryDto,
  type Principal,
} from '@lms/service-kit';
import { ArtifactUserOnlyError } from './artifacts.errors';
import type { ArtifactReader } from './domain/artifact-access';
import { ArtifactIdParamsDto, ArtifactShareParamsDto } from './dto/artifact-params.request.dto';
import { ArtifactCommentResponseDto } from './dto/artifact-comment.response.dto';
import { ArtifactShareResponseDto } from './dto/artifact-share.response.dto';
import { CommentOnArtifactRequestDto } from './dto/comment-on-artifact.request.dto';
import { ArtifactResponseDto } from './dto/artifact.response.dto';
import { CreateArtifactRequestDto } from './dto/create-artifact.request.dto';
import { ShareArtifactRequestDto } from './dto/share-artifact.request.dto';
import { UpdateArtifactRequestDto } from './dto/update-artifact.request.dto';
import {
  CreateArtifactUseCase,
  DeleteArtifactUseCase,
  GetArtifactUseCase,
  ListArtifactsUseCase,
  UpdateArtifactUseCase,
} from './use-cases/artifact.use-cases';
import { CommentOnArtifactUseCase, ListArtifactCommentsUseCase } from './use-cases/comment.use-cases';
import {
  ListSharedArtifactsUseCase,
  ShareArtifactUseCase,
  UnshareArtifactUseCase,
} from './use-cases/share.use-cases';

/**
 * HTTP adapter of artifacts (CO-W2): a user's own documents and links, shared with its coaches
 * at a permission. Who may do what is decided per artifact (owner, share, administrator), so the
 * routes admit any user and the use cases refuse the rest; an artifact a caller may not see is
 * not found.
 */
@Access('user', 'any signed-in user for its own artifacts and those shared with it; administrators read all')
@Controller('artifacts')
export class ArtifactsController {
  constructor(
    private readonly createArtifact: CreateArtifactUseCase,
    private readonly getArtifact: GetArtifactUseCase,
    private readonly listArtifacts: ListArtifactsUseCase,
    private readonly updateArtifact: UpdateArtifactUseCase,
    private readonly deleteArtifact: DeleteArtifactUseCase,
    private readonly shareArtifact: ShareArtifactUseCase,
    private readonly unshareArtifact: UnshareArtifactUseCase,
    private readonly listShared: ListSharedArtifactsUseCase,
    private readonly commentOnArtifact: CommentOnArtifactUseCase,
    private readonly listComments: ListArtifactCommentsUseCase,
  ) {}

  /** The caller's own new artifact. */
  @Idempotent()
  @ApiErrors('ARTIFACT.CONTENT_INVALID', 'ARTIFACT.USER_ONLY')
  @Post()
  @HttpCode(HttpStatus.CREATED)
  async create(
    @CurrentPrincipal() caller: Principal,
    @Body() body: CreateArtifactRequestDto,
  ): Promise<ArtifactResponseDto> {
    const artifact = await this.createArtifact.execute({
      tenantId: caller.tenantId,
      ownerId: userOf(caller),
      content: { title: body.title, link: body.link ?? null, text: body.text ?? null },
    });
    return ArtifactResponseDto.owned(artifact);
  }

  /** The caller's own artifacts, newest first. */
  @ApiPage(ArtifactResponseDto)
  @Get()
  async list(
    @CurrentPrincipal() caller: Principal,
    @Query() query: PageQueryDto,
  ): Promise<Page<ArtifactResponseDto>> {
    const page = PageQueryDto.pageOf(query);
    if (caller.userId === null) return emptyPage(page);
    const artifacts = await this.listArtifacts.execute({
      tenantId: caller.tenantId,
      ownerId: caller.userId,
      page,
    });
    return mapPage(artifacts, ArtifactResponseDto.owned);
  }

  /** The artifacts others shared with the caller (a coach: its mentees'), newest share first. */
  @ApiPage(ArtifactResponseDto)
  @Get('shared-with-me')
  async sharedWithMe(
    @CurrentPrincipal() caller: Principal,
    @Query() query: PageQueryDto,
  ): Promise<Page<ArtifactResponseDto>> {
    const page = PageQueryDto.pageOf(query);
    if (caller.userId === null) return emptyPage(page);
    const held = await this.listShared.execute({ tenantId: caller.tenantId, userId: caller.userId, page });
    return mapPage(held, ArtifactResponseDto.held);
  }

  @ApiErrors('ARTIFACT.NOT_FOUND')
  @Get(':id')
  async get(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ArtifactIdParamsDto,
  ): Promise<ArtifactResponseDto> {
    const view = await this.getArtifact.execute({
      tenantId: caller.tenantId,
      artifactId: params.id,
      reader: readerOf(caller),
    });
    return ArtifactResponseDto.from(view);
  }

  /** Its owner edits it. */
  @ApiErrors('ARTIFACT.NOT_FOUND', 'ARTIFACT.NOT_OWNER', 'ARTIFACT.CONTENT_INVALID')
  @Patch(':id')
  async update(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ArtifactIdParamsDto,
    @Body() body: UpdateArtifactRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<ArtifactResponseDto> {
    const artifact = await this.updateArtifact.execute({
      tenantId: caller.tenantId,
      artifactId: params.id,
      reader: readerOf(caller),
      change: body,
      expectedVersion,
    });
    return ArtifactResponseDto.owned(artifact);
  }

  /** Its owner deletes it for good, with every share of it. */
  @ApiErrors('ARTIFACT.NOT_FOUND', 'ARTIFACT.NOT_OWNER')
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async delete(@CurrentPrincipal() caller: Principal, @Param() params: ArtifactIdParamsDto): Promise<void> {
    await this.deleteArtifact.execute({
      tenantId: caller.tenantId,
      artifactId: params.id,
      reader: readerOf(caller),
    });
  }

  /** A comment by its owner, or by a holder of `comment` or `high`. */
  @Idempotent()
  @ApiErrors('ARTIFACT.NOT_FOUND', 'ARTIFACT.COMMENT_FORBIDDEN', 'ARTIFACT.USER_ONLY')
  @Post(':id/comments')
  @HttpCode(HttpStatus.CREATED)
  async comment(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ArtifactIdParamsDto,
    @Body() body: CommentOnArtifactRequestDto,
  ): Promise<ArtifactCommentResponseDto> {
    const comment = await this.commentOnArtifact.execute({
      tenantId: caller.tenantId,
      artifactId: params.id,
      reader: { ...readerOf(caller), userId: userOf(caller) },
      text: body.text,
    });
    return ArtifactCommentResponseDto.from(comment);
  }

  /** Its comments, oldest first, for whoever sees it. */
  @ApiErrors('ARTIFACT.NOT_FOUND')
  @ApiPage(ArtifactCommentResponseDto)
  @Get(':id/comments')
  async comments(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ArtifactIdParamsDto,
    @Query() query: PageQueryDto,
  ): Promise<Page<ArtifactCommentResponseDto>> {
    const page = await this.listComments.execute({
      tenantId: caller.tenantId,
      artifactId: params.id,
      reader: readerOf(caller),
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, ArtifactCommentResponseDto.from);
  }

  /** Shares it with a user at a permission, or changes that share's permission (its time stays). */
  @ApiErrors(
    'ARTIFACT.NOT_FOUND',
    'ARTIFACT.SHARE_FORBIDDEN',
    'ARTIFACT.SHARE_WITH_OWNER',
    'ARTIFACT.SHARE_USER_INVALID',
    'ARTIFACT.USER_ONLY',
  )
  @Put(':id/shares/:userId')
  async share(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ArtifactShareParamsDto,
    @Body() body: ShareArtifactRequestDto,
  ): Promise<ArtifactShareResponseDto> {
    const { share } = await this.shareArtifact.execute({
      tenantId: caller.tenantId,
      artifactId: params.id,
      reader: { ...readerOf(caller), userId: userOf(caller) },
      userId: params.userId,
      permission: body.permission,
    });
    return ArtifactShareResponseDto.from(share);
  }

  /** Takes a share back: the owner any, whoever gave a share that one. */
  @ApiErrors(
    'ARTIFACT.NOT_FOUND',
    'ARTIFACT.SHARE_NOT_FOUND',
    'ARTIFACT.SHARE_FORBIDDEN',
    'ARTIFACT.USER_ONLY',
  )
  @Delete(':id/shares/:userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  async unshare(
    @CurrentPrincipal() caller: Principal,
    @Param() params: ArtifactShareParamsDto,
  ): Promise<void> {
    await this.unshareArtifact.execute({
      tenantId: caller.tenantId,
      artifactId: params.id,
      reader: { ...readerOf(caller), userId: userOf(caller) },
      userId: params.userId,
    });
  }
}

function readerOf(caller: Principal): ArtifactReader {
  return { userId: caller.userId, administrator: administersTenant(caller) };
}

/** The caller's user id; a caller naming none (a service) neither creates nor shares artifacts. */
function userOf(caller: Principal): string {
  if (caller.userId === null) throw new ArtifactUserOnlyError();
  return caller.userId;
}
