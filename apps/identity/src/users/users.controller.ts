import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { mapPage, type Page } from '@lms/kernel';
import {
  ApiErrors,
  ApiPage,
  Access,
  Idempotent,
  IfMatch,
  CurrentPrincipal,
  PageQueryDto,
  type Principal,
} from '@lms/service-kit';
import { BulkChangeUserStateRequestDto } from './dto/bulk-change-user-state.request.dto';
import { BulkStateChangeResponseDto } from './dto/bulk-change-user-state.response.dto';
import { BulkStateChangeIdParamsDto } from './dto/bulk-state-change-id.request.dto';
import { CreateUserRequestDto } from './dto/create-user.request.dto';
import { ListUsersQueryDto } from './dto/list-users.request.dto';
import { UpdateUserRequestDto } from './dto/update-user.request.dto';
import { AdminRoleParamsDto, UserIdParamsDto } from './dto/user-id.request.dto';
import { UserResponseDto } from './dto/user.response.dto';
import { ChangeAdminRoleUseCase } from './use-cases/change-admin-role.use-case';
import { ChangeUserStateUseCase, type StateAction } from './use-cases/change-user-state.use-case';
import { CreateUserUseCase } from './use-cases/create-user.use-case';
import { DeleteUserUseCase } from './use-cases/delete-user.use-case';
import { GetBulkStateChangeUseCase } from './use-cases/get-bulk-state-change.use-case';
import { GetUserUseCase } from './use-cases/get-user.use-case';
import { ListUsersUseCase } from './use-cases/list-users.use-case';
import { StartBulkStateChangeUseCase } from './use-cases/start-bulk-state-change.use-case';
import { UpdateUserUseCase } from './use-cases/update-user.use-case';

/** `key:value` of a custom field filter, split at the first colon. */
function customFieldFilter(filter: string | undefined): { key: string; value: string } | undefined {
  if (filter === undefined) return undefined;
  const at = filter.indexOf(':');
  return { key: filter.slice(0, at), value: filter.slice(at + 1) };
}

/** Users (ID-U1..U5) and their administrative roles (ID-R1..R3); the caller is the verified principal. */
@Controller('users')
export class UsersController {
  constructor(
    private readonly createUser: CreateUserUseCase,
    private readonly getUser: GetUserUseCase,
    private readonly listUsers: ListUsersUseCase,
    private readonly updateUser: UpdateUserUseCase,
    private readonly deleteUser: DeleteUserUseCase,
    private readonly changeState: ChangeUserStateUseCase,
    private readonly startBulkStateChange: StartBulkStateChangeUseCase,
    private readonly getBulkStateChange: GetBulkStateChangeUseCase,
    private readonly changeAdminRole: ChangeAdminRoleUseCase,
  ) {}

  @Access('administrator', 'System and Application Administrators, superadmins')
  @Idempotent()
  @ApiErrors('USER.EMAIL_TAKEN', 'TENANT.BEING_DELETED')
  @Post()
  @HttpCode(201)
  async create(
    @CurrentPrincipal() actor: Principal,
    @Body() body: CreateUserRequestDto,
  ): Promise<UserResponseDto> {
    const user = await this.createUser.execute({
      actor,
      email: body.email,
      firstName: body.firstName,
      lastName: body.lastName,
      locale: body.locale ?? undefined,
      timezone: body.timezone,
      customFields: body.customFields,
      level: body.level,
      expiresAt: body.expiresAt === undefined ? undefined : new Date(body.expiresAt),
      password: body.password,
    });
    return UserResponseDto.from(user);
  }

  /**
   * ID-U5: activates or deactivates many users, later: 202 with the change `running`, and its
   * `Location` (relative to this route, so that it holds behind the gateway too), which answers
   * how far it got and what became of each id.
   */
  @Access(
    'power_user',
    'System and Application Administrators, superadmins; power users, for the users of their scope their profile lets them (de)activate',
  )
  @Idempotent()
  @Post('bulk-state')
  @HttpCode(202)
  async bulkState(
    @CurrentPrincipal() actor: Principal,
    @Body() body: BulkChangeUserStateRequestDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BulkStateChangeResponseDto> {
    const change = await this.startBulkStateChange.execute({
      actor,
      userIds: body.userIds,
      action: body.action,
    });
    void reply.header('Location', `bulk-state/${change.id}`);
    return BulkStateChangeResponseDto.from(change);
  }

  /** ID-U5: a bulk state change, for the account that started it and those who manage every user. */
  @Access('power_user', 'the account that started the change, and those who manage every user')
  @ApiErrors('USER.BULK_STATE_CHANGE_NOT_FOUND', 'USER.FORBIDDEN')
  @Get('bulk-state/:id')
  async bulkStateChange(
    @CurrentPrincipal() actor: Principal,
    @Param() params: BulkStateChangeIdParamsDto,
  ): Promise<BulkStateChangeResponseDto> {
    return BulkStateChangeResponseDto.from(
      await this.getBulkStateChange.execute({ actor, bulkStateChangeId: params.id }),
    );
  }

  @Access(
    'user',
    'those who manage every user; a power user, for the users of its scope its profile lets it read; the user itself',
  )
  @ApiErrors('USER.NOT_FOUND', 'USER.FORBIDDEN')
  @Get(':id')
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param() params: UserIdParamsDto,
  ): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.getUser.execute({ actor, userId: params.id }));
  }

  @Access('administrator', 'System and Application Administrators, superadmins')
  @ApiPage(UserResponseDto)
  @Get()
  async list(
    @CurrentPrincipal() actor: Principal,
    @Query() query: ListUsersQueryDto,
  ): Promise<Page<UserResponseDto>> {
    const page = await this.listUsers.execute({
      actor,
      email: query.email,
      state: query.state,
      level: query.level,
      text: query.text,
      customField: customFieldFilter(query.customField),
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, UserResponseDto.from);
  }

  @Access(
    'power_user',
    "those who manage every user (a peer for an administrator's account fields); a power user, for the users of its scope its profile lets it edit",
  )
  @ApiErrors(
    'USER.NOT_FOUND',
    'USER.FORBIDDEN',
    'USER.PEER_REQUIRED',
    'USER.OWN_STATE',
    'USER.UNKNOWN_PERMISSION_PROFILE',
    'REQUEST.STALE_VERSION',
  )
  @Patch(':id')
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param() params: UserIdParamsDto,
    @Body() body: UpdateUserRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<UserResponseDto> {
    const { expiresAt, powerUserScope, ...changes } = body;
    const user = await this.updateUser.execute({
      actor,
      userId: params.id,
      expectedVersion,
      changes: {
        ...changes,
        expiresAt: expiresAt === undefined || expiresAt === null ? expiresAt : new Date(expiresAt),
        powerUserScope: powerUserScope && { groupIds: [...powerUserScope.groupIds] },
      },
    });
    return UserResponseDto.from(user);
  }

  /** The account becomes a tombstone: 404 from then on. */
  @Access(
    'administrator',
    'System and Application Administrators, superadmins; never oneself; a peer for an administrator',
  )
  @ApiErrors(
    'USER.NOT_FOUND',
    'USER.FORBIDDEN',
    'USER.OWN_DELETION',
    'USER.PEER_REQUIRED',
    'USER.OWNER',
    'ADMIN_ROLE.LAST_ADMIN',
  )
  @Delete(':id')
  @HttpCode(204)
  async delete(@CurrentPrincipal() actor: Principal, @Param() params: UserIdParamsDto): Promise<void> {
    await this.deleteUser.execute({ actor, userId: params.id });
  }

  @Access(
    'power_user',
    'those who manage every user (a peer for an administrator); a power user, for the users of its scope its profile lets it (de)activate; never oneself',
  )
  @ApiErrors(
    'USER.NOT_FOUND',
    'USER.FORBIDDEN',
    'USER.OWN_STATE',
    'USER.PEER_REQUIRED',
    'USER.EXPIRED',
    'USER.OWNER',
    'ADMIN_ROLE.LAST_ADMIN',
  )
  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(
    @CurrentPrincipal() actor: Principal,
    @Param() params: UserIdParamsDto,
  ): Promise<UserResponseDto> {
    return this.changeStateTo(actor, params, 'deactivate');
  }

  @Access(
    'power_user',
    'those who manage every user (a peer for an administrator); a power user, for the users of its scope its profile lets it (de)activate; never oneself',
  )
  @ApiErrors('USER.NOT_FOUND', 'USER.FORBIDDEN', 'USER.OWN_STATE', 'USER.PEER_REQUIRED', 'USER.EXPIRED')
  @Post(':id/activate')
  @HttpCode(200)
  activate(@CurrentPrincipal() actor: Principal, @Param() params: UserIdParamsDto): Promise<UserResponseDto> {
    return this.changeStateTo(actor, params, 'activate');
  }

  @Access(
    'administrator',
    "administrators of the role's kind or higher: `system_admin` by System Administrators only",
  )
  @ApiErrors('USER.NOT_FOUND', 'USER.FORBIDDEN')
  @Post(':id/admin-roles/:role')
  @HttpCode(200)
  grantRole(
    @CurrentPrincipal() actor: Principal,
    @Param() params: AdminRoleParamsDto,
  ): Promise<UserResponseDto> {
    return this.changeRole(actor, params, 'grant');
  }

  @Access(
    'administrator',
    "administrators of the role's kind or higher; never one's own role, never the last administrator",
  )
  @ApiErrors(
    'USER.NOT_FOUND',
    'USER.FORBIDDEN',
    'ADMIN_ROLE.OWN_ROLE',
    'ADMIN_ROLE.LAST_ADMIN',
    'ADMIN_ROLE.OWNER',
  )
  @Delete(':id/admin-roles/:role')
  @HttpCode(200)
  revokeRole(
    @CurrentPrincipal() actor: Principal,
    @Param() params: AdminRoleParamsDto,
  ): Promise<UserResponseDto> {
    return this.changeRole(actor, params, 'revoke');
  }

  private async changeStateTo(
    actor: Principal,
    params: UserIdParamsDto,
    action: StateAction,
  ): Promise<UserResponseDto> {
    const { user } = await this.changeState.execute({ actor, userId: params.id, action });
    return UserResponseDto.from(user);
  }

  private async changeRole(
    actor: Principal,
    params: AdminRoleParamsDto,
    change: 'grant' | 'revoke',
  ): Promise<UserResponseDto> {
    const { user } = await this.changeAdminRole.execute({
      actor,
      userId: params.id,
      role: params.role,
      change,
    });
    return UserResponseDto.from(user);
  }
}
