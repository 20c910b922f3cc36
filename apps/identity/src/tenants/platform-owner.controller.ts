import { Body, Controller, Get, Put } from '@nestjs/common';
import { Access, ApiErrors, CurrentPrincipal, type Principal } from '@lms/service-kit';
import { HandOwnershipRequestDto, PlatformOwnerResponseDto } from './dto/platform-owner.dto';
import { GetPlatformOwnerUseCase, HandPlatformOwnershipUseCase } from './use-cases/platform-owner.use-cases';

/**
 * ID-G5: the Platform Owner of the caller's tenant, exactly one: read by its administrators,
 * handed on by the owner (by an administrator for a platform from before owners).
 */
@Access('user', "the tenant's administrators read it; its owner hands it on")
@Controller('tenant/owner')
export class PlatformOwnerController {
  constructor(
    private readonly getOwner: GetPlatformOwnerUseCase,
    private readonly handOwnership: HandPlatformOwnershipUseCase,
  ) {}

  @ApiErrors('TENANT.FORBIDDEN', 'TENANT.NOT_FOUND')
  @Get()
  async get(@CurrentPrincipal() principal: Principal): Promise<PlatformOwnerResponseDto> {
    return PlatformOwnerResponseDto.from(await this.getOwner.execute(principal));
  }

  /** The heir becomes the owner, and an Application Administrator if it is none; the former owner stays an administrator. */
  @ApiErrors('TENANT.NOT_OWNER', 'TENANT.OWNER_INVALID', 'TENANT.NOT_FOUND')
  @Put()
  async hand(
    @CurrentPrincipal() principal: Principal,
    @Body() body: HandOwnershipRequestDto,
  ): Promise<PlatformOwnerResponseDto> {
    return PlatformOwnerResponseDto.from(
      await this.handOwnership.execute({ actor: principal, userId: body.userId }),
    );
  }
}
