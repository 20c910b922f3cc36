import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { mapPage, type Page } from '@lms/kernel';
import { CurrentTenant } from '@lms/service-kit';
import { CreateUserRequestDto } from './dto/create-user.request.dto';
import { ListUsersQueryDto } from './dto/list-users.request.dto';
import { UserIdParamsDto } from './dto/user-id.request.dto';
import { UserResponseDto } from './dto/user.response.dto';
import { CreateUserUseCase } from './use-cases/create-user.use-case';
import { GetUserUseCase } from './use-cases/get-user.use-case';
import { ListUsersUseCase } from './use-cases/list-users.use-case';

@Controller('users')
export class UsersController {
  constructor(
    private readonly createUser: CreateUserUseCase,
    private readonly getUser: GetUserUseCase,
    private readonly listUsers: ListUsersUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  async create(
    @CurrentTenant() tenantId: string,
    @Body() body: CreateUserRequestDto,
  ): Promise<UserResponseDto> {
    const user = await this.createUser.execute({
      tenantId,
      email: body.email,
      firstName: body.firstName,
      lastName: body.lastName,
      locale: body.locale ?? undefined,
      password: body.password,
    });
    return UserResponseDto.from(user);
  }

  @Get(':id')
  async get(@CurrentTenant() tenantId: string, @Param() params: UserIdParamsDto): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.getUser.execute({ tenantId, userId: params.id }));
  }

  @Get()
  async list(
    @CurrentTenant() tenantId: string,
    @Query() query: ListUsersQueryDto,
  ): Promise<Page<UserResponseDto>> {
    const page = await this.listUsers.execute({
      tenantId,
      email: query.email,
      page: { limit: query.limit, offset: query.offset },
    });
    return mapPage(page, UserResponseDto.from);
  }
}
