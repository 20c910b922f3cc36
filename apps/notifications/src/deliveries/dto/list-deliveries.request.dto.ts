import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@lms/service-kit';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../domain/delivery';

/** `GET /v1/deliveries` query: filter by recipient, source event or status; one page at a time. */
export class ListDeliveriesQueryDto extends PageQueryDto {
  @IsOptional() @IsUUID() recipientId?: string;
  @IsOptional() @IsUUID() sourceEventId?: string;
  @IsOptional() @IsIn(DELIVERY_STATUSES) status?: DeliveryStatus;
}
