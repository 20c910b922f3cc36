import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { mapPage, type Page } from '@lms/kernel';
import { Access, ApiErrors, ApiPage, CurrentTenant, Idempotent, PageQueryDto } from '@lms/service-kit';
import { UserIdParamsDto } from '../users/dto/user-id.request.dto';
import { AddManageesRequestDto, ManageeParamsDto } from './dto/managees.request.dto';
import { AddManageesResponseDto, ManageeResponseDto } from './dto/managees.response.dto';
import { AddManageesUseCase } from './use-cases/add-managees.use-case';
import { ListManageesUseCase } from './use-cases/list-managees.use-case';
import { RemoveManageeUseCase } from './use-cases/remove-managee.use-case';

/** A manager's managees (ID-G4): giving a user managees makes it a Manager (ID-R1). */
@Access('administrator', 'Tenant administrators: System and Application Administrators, superadmins')
@Controller('users/:id/managees')
export class ManageesController {
  constructor(
    private readonly addManagees: AddManageesUseCase,
    private readonly listManagees: ListManageesUseCase,
    private readonly removeManagee: RemoveManageeUseCase,
  ) {}

  /** Adding again what is there changes nothing: each id or email already a managee is answered `already`. */
  @Idempotent()
  @ApiErrors('USER.NOT_FOUND', 'MANAGEE.REQUEST_INVALID')
  @Post()
  @HttpCode(200)
  async add(
    @CurrentTenant() tenantId: string,
    @Param() params: UserIdParamsDto,
    @Body() body: AddManageesRequestDto,
  ): Promise<AddManageesResponseDto> {
    const results = await this.addManagees.execute({
      tenantId,
      managerId: params.id,
      userIds: body.userIds,
      emails: body.emails,
    });
    return AddManageesResponseDto.from(results);
  }

  @ApiErrors('USER.NOT_FOUND')
  @ApiPage(ManageeResponseDto)
  @Get()
  async list(
    @CurrentTenant() tenantId: string,
    @Param() params: UserIdParamsDto,
    @Query() query: PageQueryDto,
  ): Promise<Page<ManageeResponseDto>> {
    const page = await this.listManagees.execute({
      tenantId,
      managerId: params.id,
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, (relation) => ManageeResponseDto.from(relation));
  }

  @ApiErrors('MANAGEE.NOT_FOUND')
  @Delete(':manageeId')
  @HttpCode(204)
  async remove(@CurrentTenant() tenantId: string, @Param() params: ManageeParamsDto): Promise<void> {
    await this.removeManagee.execute({ tenantId, managerId: params.id, manageeId: params.manageeId });
  }
}
