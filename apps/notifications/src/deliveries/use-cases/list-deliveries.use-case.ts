import { Inject, Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@lms/kernel';
import type { Delivery } from '../domain/delivery';
import {
  DELIVERY_REPOSITORY,
  type DeliveryFilter,
  type DeliveryRepository,
} from '../ports/delivery.repository';

export interface ListDeliveriesQuery extends DeliveryFilter {
  tenantId: string;
  page: PageRequest;
}

/** The delivery log (NO-5), per recipient, per source event or per status, newest first. */
@Injectable()
export class ListDeliveriesUseCase {
  constructor(@Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository) {}

  execute(query: ListDeliveriesQuery): Promise<Page<Delivery>> {
    const filter: DeliveryFilter = {
      ...(query.recipientId ? { recipientId: query.recipientId } : {}),
      ...(query.sourceEventId ? { sourceEventId: query.sourceEventId } : {}),
      ...(query.status ? { status: query.status } : {}),
    };
    return this.deliveries.list(query.tenantId, filter, query.page);
  }
}
