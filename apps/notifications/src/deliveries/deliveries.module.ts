import { Module } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { MONGO_CONNECTION } from '@lms/service-kit';
import { RecipientsModule } from '../recipients/recipients.module';
import { AssignmentEventsConsumer } from './assignment-events.consumer';
import { DeliveriesController } from './deliveries.controller';
import { DeliveryRetrySweeper } from './delivery-retry.sweeper';
import { DELIVERY_MODEL, DeliverySchema, type DeliveryDocument } from './infra/delivery.schema';
import {
  DELIVERY_MODEL_TOKEN,
  MongoDeliveryRepository,
  WAITING_RECIPIENT_MODEL_TOKEN,
} from './infra/mongo-delivery.repository';
import { SmtpMailSender } from './infra/smtp-mail-sender';
import {
  WAITING_RECIPIENT_MODEL,
  WaitingRecipientSchema,
  type WaitingRecipientDocument,
} from './infra/waiting-recipient.schema';
import { DELIVERY_REPOSITORY } from './ports/delivery.repository';
import { MAIL_SENDER } from './ports/mail-sender';
import { DispatchDeliveryUseCase } from './use-cases/dispatch-delivery.use-case';
import { HandleAssignmentEventsUseCase } from './use-cases/handle-assignment-events.use-case';
import { ListDeliveriesUseCase } from './use-cases/list-deliveries.use-case';
import { ReleaseWaitingDeliveriesUseCase } from './use-cases/release-waiting-deliveries.use-case';
import { RetryDueDeliveriesUseCase } from './use-cases/retry-due-deliveries.use-case';
import { UserEventsConsumer } from './user-events.consumer';

/** Deliveries: what is mailed to whom because of which event, sending, retries and the log. */
@Module({
  imports: [RecipientsModule],
  controllers: [DeliveriesController, AssignmentEventsConsumer, UserEventsConsumer],
  providers: [
    {
      provide: DELIVERY_MODEL_TOKEN,
      inject: [MONGO_CONNECTION],
      useFactory: (connection: Connection) =>
        connection.model<DeliveryDocument>(DELIVERY_MODEL, DeliverySchema),
    },
    {
      provide: WAITING_RECIPIENT_MODEL_TOKEN,
      inject: [MONGO_CONNECTION],
      useFactory: (connection: Connection) =>
        connection.model<WaitingRecipientDocument>(WAITING_RECIPIENT_MODEL, WaitingRecipientSchema),
    },
    { provide: DELIVERY_REPOSITORY, useClass: MongoDeliveryRepository },
    { provide: MAIL_SENDER, useClass: SmtpMailSender },
    DispatchDeliveryUseCase,
    HandleAssignmentEventsUseCase,
    ReleaseWaitingDeliveriesUseCase,
    RetryDueDeliveriesUseCase,
    ListDeliveriesUseCase,
    DeliveryRetrySweeper,
  ],
})
export class DeliveriesModule {}
