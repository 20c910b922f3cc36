import { Controller, Get, Query } from '@nestjs/common';
import { mapPage, type Page } from '@lms/kernel';
import { Access, CurrentTenant } from '@lms/service-kit';
import { DeliveryResponseDto } from './dto/delivery.response.dto';
import { ListDeliveriesQueryDto } from './dto/list-deliveries.request.dto';
import { ListDeliveriesUseCase } from './use-cases/list-deliveries.use-case';

/** The delivery log (NO-5): which event mailed whom, and how it went. */
@Access('administrator', 'System and Application Administrators, superadmins')
@Controller('deliveries')
export class DeliveriesController {
  constructor(private readonly listDeliveries: ListDeliveriesUseCase) {}

  @Get()
  async list(
    @CurrentTenant() tenantId: string,
    @Query() query: ListDeliveriesQueryDto,
  ): Promise<Page<DeliveryResponseDto>> {
    const page = await this.listDeliveries.execute({
      tenantId,
      recipientId: query.recipientId,
      sourceEventId: query.sourceEventId,
      status: query.status,
      page: { limit: query.limit, offset: query.offset },
    });
    return mapPage(page, DeliveryResponseDto.from);
  }
}
