import { Controller, Get, Query } from '@nestjs/common';
import { CurrentTenant } from '@lms/service-kit';
import { toDeliveryResponse, type DeliveryListResponse } from './dto/delivery.response.dto';
import { ListDeliveriesRequest } from './dto/list-deliveries.request.dto';
import { DEFAULT_PAGE_SIZE, ListDeliveriesUseCase } from './use-cases/list-deliveries.use-case';

/** The delivery log (NO-5): which event mailed whom, and how it went. */
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly listDeliveries: ListDeliveriesUseCase) {}

  @Get()
  async list(
    @CurrentTenant() tenantId: string,
    @Query() query: ListDeliveriesRequest,
  ): Promise<DeliveryListResponse> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const offset = query.offset ?? 0;
    const deliveries = await this.listDeliveries.execute({
      tenantId,
      recipientId: query.recipientId,
      sourceEventId: query.sourceEventId,
      status: query.status,
      limit,
      offset,
    });
    return { items: deliveries.map(toDeliveryResponse), limit, offset };
  }
}
