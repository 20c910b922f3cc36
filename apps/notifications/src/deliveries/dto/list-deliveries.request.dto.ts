import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../domain/delivery';
import { MAX_PAGE_SIZE } from '../use-cases/list-deliveries.use-case';

/** `GET /v1/deliveries` query: filter by recipient, source event or status; one page at a time. */
export class ListDeliveriesRequest {
  @IsOptional() @IsUUID() recipientId?: string;
  @IsOptional() @IsUUID() sourceEventId?: string;
  @IsOptional() @IsIn(DELIVERY_STATUSES) status?: DeliveryStatus;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) limit?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(100_000) offset?: number;
}
