import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { mapPage, type Page } from '@lms/kernel';
import {
  Access,
  ApiErrors,
  ApiPage,
  CurrentPrincipal,
  Idempotent,
  PageQueryDto,
  type Principal,
} from '@lms/service-kit';
import { AssignmentIdParamsDto } from './dto/assignment-id-params.request.dto';
import { MessageResponseDto } from './dto/message.response.dto';
import { PostMessageRequestDto } from './dto/post-message.request.dto';
import { ListMessagesUseCase } from './use-cases/list-messages.use-case';
import { PostMessageUseCase } from './use-cases/post-message.use-case';

/**
 * HTTP adapter of the discussion between an assignment's mentee and its coaches (CO-W1). Who
 * takes part is decided per assignment, so the route admits any user and the use cases refuse
 * everyone else, administrators included.
 */
@Access('user', "the assignment's mentee and its coaches; nobody else, administrators included")
@Controller('assignments')
export class DiscussionsController {
  constructor(
    private readonly postMessage: PostMessageUseCase,
    private readonly listMessages: ListMessagesUseCase,
  ) {}

  /** Written as the caller, while the assignment is current or scheduled, and active. */
  @Idempotent()
  @ApiErrors('ASSIGNMENT.NOT_FOUND', 'DISCUSSION.FORBIDDEN', 'DISCUSSION.CLOSED')
  @Post(':id/messages')
  @HttpCode(HttpStatus.CREATED)
  async post(
    @CurrentPrincipal() caller: Principal,
    @Param() params: AssignmentIdParamsDto,
    @Body() body: PostMessageRequestDto,
  ): Promise<MessageResponseDto> {
    const message = await this.postMessage.execute({
      tenantId: caller.tenantId,
      assignmentId: params.id,
      authorId: caller.userId,
      text: body.text,
    });
    return MessageResponseDto.from(message);
  }

  /** Oldest first; an ended, expired or deactivated assignment's discussion is still read. */
  @ApiErrors('ASSIGNMENT.NOT_FOUND', 'DISCUSSION.FORBIDDEN')
  @ApiPage(MessageResponseDto)
  @Get(':id/messages')
  async list(
    @CurrentPrincipal() caller: Principal,
    @Param() params: AssignmentIdParamsDto,
    @Query() query: PageQueryDto,
  ): Promise<Page<MessageResponseDto>> {
    const page = await this.listMessages.execute({
      tenantId: caller.tenantId,
      assignmentId: params.id,
      readerId: caller.userId,
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, MessageResponseDto.from);
  }
}
