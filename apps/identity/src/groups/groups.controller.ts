import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiErrors, Access, Idempotent, CurrentTenant } from '@lms/service-kit';
import { CreateGroupRequestDto } from './dto/create-group.request.dto';
import { GroupIdParamsDto } from './dto/group-id.request.dto';
import { GroupResponseDto } from './dto/group.response.dto';
import { CreateGroupUseCase } from './use-cases/create-group.use-case';
import { GetGroupUseCase } from './use-cases/get-group.use-case';

@Access(
  'administrator',
  'System and Application Administrators, superadmins (group administrators come with ID-G2)',
)
@Controller('groups')
export class GroupsController {
  constructor(
    private readonly createGroup: CreateGroupUseCase,
    private readonly getGroup: GetGroupUseCase,
  ) {}

  @Idempotent()
  @Post()
  @HttpCode(201)
  async create(
    @CurrentTenant() tenantId: string,
    @Body() body: CreateGroupRequestDto,
  ): Promise<GroupResponseDto> {
    const group = await this.createGroup.execute({
      tenantId,
      name: body.name,
      confidentiality: body.confidentiality ?? undefined,
    });
    return GroupResponseDto.from(group);
  }

  @ApiErrors('GROUP.NOT_FOUND')
  @Get(':id')
  async get(@CurrentTenant() tenantId: string, @Param() params: GroupIdParamsDto): Promise<GroupResponseDto> {
    return GroupResponseDto.from(await this.getGroup.execute({ tenantId, groupId: params.id }));
  }
}
