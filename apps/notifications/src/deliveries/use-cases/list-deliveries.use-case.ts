import { Inject, Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@lms/kernel';
import { DeliveryLogForbiddenError } from '../deliveries.errors';
import type { Delivery } from '../domain/delivery';
import { deliveryLogScope, type DeliveryLogReader } from '../domain/delivery-log-access';
import {
  DELIVERY_REPOSITORY,
  type DeliveryFilter,
  type DeliveryRepository,
} from '../ports/delivery.repository';

export interface ListDeliveriesQuery extends DeliveryFilter {
  tenantId: string;
  reader: DeliveryLogReader;
  page: PageRequest;
}

/**
 * The delivery log (NO-5), per recipient, per source event, per status, per kind or per time
 * of creation, newest first: an administrator's of the whole tenant, any other user's of the
 * mails addressed to it only.
 */
@Injectable()
export class ListDeliveriesUseCase {
  constructor(@Inject(DELIVERY_REPOSITORY) private readonly deliveries: DeliveryRepository) {}

  async execute(query: ListDeliveriesQuery): Promise<Page<Delivery>> {
    const scope = deliveryLogScope(query.reader, query.recipientId);
    if (scope.outcome === 'forbidden') throw new DeliveryLogForbiddenError();
    const filter: DeliveryFilter = {
      ...(scope.recipientId ? { recipientId: scope.recipientId } : {}),
      ...(query.sourceEventId ? { sourceEventId: query.sourceEventId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
    };
    return this.deliveries.list(query.tenantId, filter, query.page);
  }
}
