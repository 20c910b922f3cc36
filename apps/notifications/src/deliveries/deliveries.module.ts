import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { RecipientsModule } from '../recipients/recipients.module';
import { AssignmentEventsConsumer } from './assignment-events.consumer';
import { DeliveriesController } from './deliveries.controller';
import { DeliveryRetrySweeper } from './delivery-retry.sweeper';
import { DELIVERY_MODEL, DeliverySchema } from './infra/delivery.schema';
import { MongoDeliveryRepository } from './infra/mongo-delivery.repository';
import { SmtpMailSender } from './infra/smtp-mail-sender';
import { WAITING_RECIPIENT_MODEL, WaitingRecipientSchema } from './infra/waiting-recipient.schema';
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
    mongoModel(DELIVERY_MODEL, DeliverySchema),
    mongoModel(WAITING_RECIPIENT_MODEL, WaitingRecipientSchema),
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
