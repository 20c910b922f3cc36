import { IsIn, IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { defineStream } from '../define-stream';

export const DELIVERY_CHANNELS = ['email'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** The outcome of one delivery (NO-5): which event mailed whom, and how it went. */
export class DeliveryOutcomeV1 {
  @IsUUID() deliveryId!: string;
  @IsUUID() recipientId!: string;
  @IsString() kind!: string;
  @IsUUID() sourceEventId!: string;
  @IsIn(DELIVERY_CHANNELS) channel!: DeliveryChannel;
  @IsInt() @Min(1) attempts!: number;
  @IsOptional() @IsString() error?: string;
}

export class DeliverySentV1 extends DeliveryOutcomeV1 {}
export class DeliveryFailedV1 extends DeliveryOutcomeV1 {}

export const DeliveriesStream = defineStream({
  topic: 'notifications.deliveries.v1',
  partitions: 3,
  owner: 'notifications',
  schemaVersion: 1,
  key: (e) => `${e.tenantId}:${e.aggregateId}`,
  events: {
    'delivery.sent': DeliverySentV1,
    'delivery.failed': DeliveryFailedV1,
  },
});
