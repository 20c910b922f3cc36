import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@lms/service-kit';
import {
  DELIVERY_KINDS,
  DELIVERY_STATUSES,
  type DeliveryKind,
  type DeliveryStatus,
} from '../domain/delivery';

/**
 * `GET /v1/deliveries` query: filter by recipient, source event, status, kind or time of
 * creation; one page at a time. A user who administers nothing names itself or nobody.
 */
export class ListDeliveriesQueryDto extends PageQueryDto {
  @IsOptional() @IsUUID() recipientId?: string;
  @IsOptional() @IsUUID() sourceEventId?: string;
  @IsOptional() @IsIn(DELIVERY_STATUSES) status?: DeliveryStatus;
  /** The kind of mail: its event and who it is for. */
  @ApiProperty({ enum: DELIVERY_KINDS, required: false })
  @IsOptional()
  @IsIn(DELIVERY_KINDS)
  kind?: DeliveryKind;
  /** Created at or after this instant (ISO 8601), e.g. `2026-03-01T00:00:00Z`. */
  @ApiProperty({ format: 'date-time', required: false })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  /** Created before this instant (ISO 8601), e.g. `2026-04-01T00:00:00Z`. */
  @ApiProperty({ format: 'date-time', required: false })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
