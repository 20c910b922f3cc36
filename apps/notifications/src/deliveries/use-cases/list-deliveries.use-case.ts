import { Inject, Injectable } from '@nestjs/common';
import type { Delivery } from '../domain/delivery';
import {
  DELIVERY_REPOSITORY,
  type DeliveryFilter,
  type DeliveryRepository,
} from '../ports/delivery.repository';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export interface ListDeliveriesQuery extends DeliveryFilter {
  tenantId: string;
  limit?: number;
  offset?: number;
}

/** The delivery log (NO-5), per recipient, per source event or per status, newest first. */
@Injectable()
export class ListDeliveriesUseCase {
  constructor(@Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository) {}

  execute(query: ListDeliveriesQuery): Promise<Delivery[]> {
    const limit = Math.min(Math.max(query.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
    const offset = Math.max(query.offset ?? 0, 0);
    const filter: DeliveryFilter = {
      ...(query.recipientId ? { recipientId: query.recipientId } : {}),
      ...(query.sourceEventId ? { sourceEventId: query.sourceEventId } : {}),
      ...(query.status ? { status: query.status } : {}),
    };
    return this.deliveries.list(query.tenantId, filter, { limit, offset });
  }
}
