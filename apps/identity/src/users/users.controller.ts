import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { mapPage, type Page } from '@lms/kernel';
import { CurrentPrincipal, type Principal } from '@lms/service-kit';
import { BulkChangeUserStateRequestDto } from './dto/bulk-change-user-state.request.dto';
import { BulkChangeUserStateResponseDto } from './dto/bulk-change-user-state.response.dto';
import { CreateUserRequestDto } from './dto/create-user.request.dto';
import { ListUsersQueryDto } from './dto/list-users.request.dto';
import { UpdateUserRequestDto } from './dto/update-user.request.dto';
import { AdminRoleParamsDto, UserIdParamsDto } from './dto/user-id.request.dto';
import { UserResponseDto } from './dto/user.response.dto';
import { BulkChangeUserStateUseCase } from './use-cases/bulk-change-user-state.use-case';
import { ChangeAdminRoleUseCase } from './use-cases/change-admin-role.use-case';
import { ChangeUserStateUseCase, type StateAction } from './use-cases/change-user-state.use-case';
import { CreateUserUseCase } from './use-cases/create-user.use-case';
import { DeleteUserUseCase } from './use-cases/delete-user.use-case';
import { GetUserUseCase } from './use-cases/get-user.use-case';
import { ListUsersUseCase } from './use-cases/list-users.use-case';
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
    private readonly bulkChangeState: BulkChangeUserStateUseCase,
    private readonly changeAdminRole: ChangeAdminRoleUseCase,
  ) {}

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

  /** ID-U5: activates or deactivates many users; 200 with what became of each. */
  @Post('bulk-state')
  @HttpCode(200)
  async bulkState(
    @CurrentPrincipal() actor: Principal,
    @Body() body: BulkChangeUserStateRequestDto,
  ): Promise<BulkChangeUserStateResponseDto> {
    const results = await this.bulkChangeState.execute({ actor, userIds: body.userIds, action: body.action });
    return BulkChangeUserStateResponseDto.from(results);
  }

  @Get(':id')
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param() params: UserIdParamsDto,
  ): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.getUser.execute({ actor, userId: params.id }));
  }

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
      page: { limit: query.limit, offset: query.offset },
    });
    return mapPage(page, UserResponseDto.from);
  }

  @Patch(':id')
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param() params: UserIdParamsDto,
    @Body() body: UpdateUserRequestDto,
  ): Promise<UserResponseDto> {
    const { expiresAt, powerUserScope, ...changes } = body;
    const user = await this.updateUser.execute({
      actor,
      userId: params.id,
      changes: {
        ...changes,
        expiresAt: expiresAt === undefined || expiresAt === null ? expiresAt : new Date(expiresAt),
        powerUserScope: powerUserScope && { groupIds: [...powerUserScope.groupIds] },
      },
    });
    return UserResponseDto.from(user);
  }

  /** The account becomes a tombstone: 404 from then on. */
  @Delete(':id')
  @HttpCode(204)
  async delete(@CurrentPrincipal() actor: Principal, @Param() params: UserIdParamsDto): Promise<void> {
    await this.deleteUser.execute({ actor, userId: params.id });
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(
    @CurrentPrincipal() actor: Principal,
    @Param() params: UserIdParamsDto,
  ): Promise<UserResponseDto> {
    return this.changeStateTo(actor, params, 'deactivate');
  }

  @Post(':id/activate')
  @HttpCode(200)
  activate(@CurrentPrincipal() actor: Principal, @Param() params: UserIdParamsDto): Promise<UserResponseDto> {
    return this.changeStateTo(actor, params, 'activate');
  }

  @Post(':id/admin-roles/:role')
  @HttpCode(200)
  grantRole(
    @CurrentPrincipal() actor: Principal,
    @Param() params: AdminRoleParamsDto,
  ): Promise<UserResponseDto> {
    return this.changeRole(actor, params, 'grant');
  }

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
