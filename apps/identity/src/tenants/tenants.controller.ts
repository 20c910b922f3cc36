import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
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
import type { TenantActor } from './domain/tenant-permissions';
import { CreateTenantRequestDto } from './dto/create-tenant.request.dto';
import { ListTenantsQueryDto } from './dto/list-tenants.request.dto';
import { TenantCodeParamsDto } from './dto/tenant-code.request.dto';
import { CreatedTenantResponseDto, TenantResponseDto } from './dto/tenant.response.dto';
import { UpdateTenantRequestDto } from './dto/update-tenant.request.dto';
import { CreateTenantUseCase } from './use-cases/create-tenant.use-case';
import { DeleteTenantUseCase } from './use-cases/delete-tenant.use-case';
import { GetTenantUseCase } from './use-cases/get-tenant.use-case';
import { ListTenantsUseCase } from './use-cases/list-tenants.use-case';
import { UpdateTenantUseCase } from './use-cases/update-tenant.use-case';

function actorOf(principal: Principal): TenantActor {
  return { tenantId: principal.tenantId, roles: principal.roles };
}

/** ID-T2: tenants, for the System Administrators of the host tenant. */
@Access('system_administrator', 'System Administrators (host tenant)')
@Controller('tenants')
export class TenantsController {
  constructor(
    private readonly createTenant: CreateTenantUseCase,
    private readonly listTenants: ListTenantsUseCase,
    private readonly getTenant: GetTenantUseCase,
    private readonly updateTenant: UpdateTenantUseCase,
    private readonly deleteTenant: DeleteTenantUseCase,
  ) {}

  @Idempotent()
  @ApiErrors('TENANT.CODE_TAKEN', 'TENANT.CODE_INVALID', 'TENANT.ADMINISTRATOR_CONFLICT')
  @Post()
  @HttpCode(201)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateTenantRequestDto,
  ): Promise<CreatedTenantResponseDto> {
    const created = await this.createTenant.execute({
      actor: actorOf(principal),
      code: body.code,
      name: body.name,
      timezone: body.timezone,
      administrator: {
        email: body.administrator.email,
        firstName: body.administrator.firstName,
        lastName: body.administrator.lastName,
        password: body.administrator.password,
      },
    });
    return CreatedTenantResponseDto.from(created);
  }

  @ApiPage(TenantResponseDto)
  @Get()
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListTenantsQueryDto,
  ): Promise<Page<TenantResponseDto>> {
    const page = await this.listTenants.execute({
      actor: actorOf(principal),
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, TenantResponseDto.from);
  }

  @ApiErrors('TENANT.NOT_FOUND')
  @Get(':code')
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param() params: TenantCodeParamsDto,
  ): Promise<TenantResponseDto> {
    return TenantResponseDto.from(
      await this.getTenant.execute({ actor: actorOf(principal), code: params.code }),
    );
  }

  @ApiErrors('TENANT.NOT_FOUND', 'TENANT.BEING_DELETED', 'REQUEST.STALE_VERSION')
  @Patch(':code')
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: TenantCodeParamsDto,
    @Body() body: UpdateTenantRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<TenantResponseDto> {
    const tenant = await this.updateTenant.execute({
      actor: actorOf(principal),
      code: params.code,
      changes: { name: body.name, timezone: body.timezone },
      expectedVersion,
    });
    return TenantResponseDto.from(tenant);
  }

  /**
   * Starts the deletion and answers 202 with the tenant `deleting`; its accounts are
   * deactivated by a job, then it is `deleted` (`GET` answers 404). Sent again, 202 again.
   */
  @ApiErrors('TENANT.NOT_FOUND', 'TENANT.HOST_UNDELETABLE')
  @Delete(':code')
  @HttpCode(202)
  async delete(
    @CurrentPrincipal() principal: Principal,
    @Param() params: TenantCodeParamsDto,
  ): Promise<TenantResponseDto> {
    return TenantResponseDto.from(
      await this.deleteTenant.execute({ actor: actorOf(principal), code: params.code }),
    );
  }
}
