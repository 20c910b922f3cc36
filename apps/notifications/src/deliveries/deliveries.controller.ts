import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { mapPage, type Page } from '@lms/kernel';
import {
  Access,
  ApiErrors,
  ApiPage,
  administersTenant,
  CurrentPrincipal,
  CurrentTenant,
  PageQueryDto,
  type Principal,
} from '@lms/service-kit';
import { DeliveryIdParamsDto } from './dto/delivery-id.request.dto';
import { DeliveryResponseDto } from './dto/delivery.response.dto';
import { ListDeliveriesQueryDto } from './dto/list-deliveries.request.dto';
import { ListDeliveriesUseCase } from './use-cases/list-deliveries.use-case';
import { RetryDeliveryUseCase } from './use-cases/retry-delivery.use-case';

/** The delivery log (NO-5): which event mailed whom, and how it went; a parked delivery sent again. */
@Controller('deliveries')
export class DeliveriesController {
  constructor(
    private readonly listDeliveries: ListDeliveriesUseCase,
    private readonly retryDelivery: RetryDeliveryUseCase,
  ) {}

  @Access(
    'user',
    'System and Application Administrators, superadmins: the whole tenant; any other signed-in user: the mails addressed to it',
  )
  @ApiErrors('DELIVERY.FORBIDDEN')
  @ApiPage(DeliveryResponseDto)
  @Get()
  async list(
    @CurrentPrincipal() caller: Principal,
    @Query() query: ListDeliveriesQueryDto,
  ): Promise<Page<DeliveryResponseDto>> {
    const page = await this.listDeliveries.execute({
      tenantId: caller.tenantId,
      reader: { userId: caller.userId, administrator: administersTenant(caller) },
      recipientId: query.recipientId,
      sourceEventId: query.sourceEventId,
      status: query.status,
      kind: query.kind,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
      page: PageQueryDto.pageOf(query),
    });
    return mapPage(page, DeliveryResponseDto.from);
  }

  /** A delivery parked as failed is due again now and sent at once; answers it as it then stands. */
  @Access('administrator', 'System and Application Administrators, superadmins')
  @ApiErrors('DELIVERY.NOT_FOUND', 'DELIVERY.NOT_FAILED')
  @Post(':id/retry')
  @HttpCode(HttpStatus.OK)
  async retry(
    @CurrentTenant() tenantId: string,
    @Param() params: DeliveryIdParamsDto,
  ): Promise<DeliveryResponseDto> {
    return DeliveryResponseDto.from(await this.retryDelivery.execute({ tenantId, deliveryId: params.id }));
  }
}
