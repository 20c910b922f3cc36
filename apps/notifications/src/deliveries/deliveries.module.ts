import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { PreferencesModule } from '../preferences/preferences.module';
import { RecipientsModule } from '../recipients/recipients.module';
import { SessionsModule } from '../sessions/sessions.module';
import { CourseSessionEventsConsumer } from './course-session-events.consumer';
import { SessionRemindersPeriodicWork } from './session-reminders-periodic-work';
import { HandleCourseSessionEventsUseCase } from './use-cases/handle-course-session-events.use-case';
import { RecordSessionRemindersUseCase } from './use-cases/record-session-reminders.use-case';
import { AssignmentEventsConsumer } from './assignment-events.consumer';
import { CourseRoleEventsConsumer } from './course-role-events.consumer';
import { EnrollmentEventsConsumer } from './enrollment-events.consumer';
import { ImportEventsConsumer } from './import-events.consumer';
import { GroupInvitationEventsConsumer } from './group-invitation-events.consumer';
import { DeliveriesController } from './deliveries.controller';
import { DeliverySenderPool } from './delivery-sender.pool';
import { SOURCE_VERSION_MODEL, SourceVersionSchema } from './infra/source-version.schema';
import { DELIVERY_MODEL, DeliverySchema } from './infra/delivery.schema';
import { DIGEST_LOCK_MODEL, DigestLockSchema } from './infra/digest-lock.schema';
import { MongoDigestLockRepository } from './infra/mongo-digest-lock.repository';
import { MongoSourceVersionRepository } from './infra/mongo-source-version.repository';
import { MongoDeliveryRepository } from './infra/mongo-delivery.repository';
import { SmtpMailSender } from './infra/smtp-mail-sender';
import { WAITING_RECIPIENT_MODEL, WaitingRecipientSchema } from './infra/waiting-recipient.schema';
import { SOURCE_VERSION_REPOSITORY } from './ports/source-version.repository';
import { DELIVERY_REPOSITORY } from './ports/delivery.repository';
import { DIGEST_LOCK_REPOSITORY } from './ports/digest-lock.repository';
import { MAIL_SENDER } from './ports/mail-sender';
import { SEND_SIGNAL } from './ports/send-signal';
import { CloseDigestWindowsUseCase } from './use-cases/close-digest-windows.use-case';
import { DispatchDeliveryUseCase } from './use-cases/dispatch-delivery.use-case';
import { HandleAssignmentEventsUseCase } from './use-cases/handle-assignment-events.use-case';
import { HandleCourseRoleEventsUseCase } from './use-cases/handle-course-role-events.use-case';
import { HandleEnrollmentEventsUseCase } from './use-cases/handle-enrollment-events.use-case';
import { HandleImportEventsUseCase } from './use-cases/handle-import-events.use-case';
import { HandleInvitationEventsUseCase } from './use-cases/handle-invitation-events.use-case';
import { MailRecorder } from './use-cases/mail-recorder';
import { ListDeliveriesUseCase } from './use-cases/list-deliveries.use-case';
import { ReleaseWaitingDeliveriesUseCase } from './use-cases/release-waiting-deliveries.use-case';
import { RetryDeliveryUseCase } from './use-cases/retry-delivery.use-case';
import { SendDueDeliveriesUseCase } from './use-cases/send-due-deliveries.use-case';
import { UserEventsConsumer } from './user-events.consumer';

/**
 * Deliveries: what is mailed to whom because of which event (and which session starting
 * soon), the sender pool, retries and the log.
 */
@Module({
  imports: [RecipientsModule, PreferencesModule, SessionsModule],
  controllers: [
    DeliveriesController,
    AssignmentEventsConsumer,
    EnrollmentEventsConsumer,
    CourseRoleEventsConsumer,
    ImportEventsConsumer,
    GroupInvitationEventsConsumer,
    CourseSessionEventsConsumer,
    UserEventsConsumer,
  ],
  providers: [
    mongoModel(DELIVERY_MODEL, DeliverySchema),
    mongoModel(WAITING_RECIPIENT_MODEL, WaitingRecipientSchema),
    { provide: DELIVERY_REPOSITORY, useClass: MongoDeliveryRepository },
    mongoModel(SOURCE_VERSION_MODEL, SourceVersionSchema),
    { provide: SOURCE_VERSION_REPOSITORY, useClass: MongoSourceVersionRepository },
    mongoModel(DIGEST_LOCK_MODEL, DigestLockSchema),
    { provide: DIGEST_LOCK_REPOSITORY, useClass: MongoDigestLockRepository },
    { provide: MAIL_SENDER, useClass: SmtpMailSender },
    CloseDigestWindowsUseCase,
    DispatchDeliveryUseCase,
    MailRecorder,
    HandleAssignmentEventsUseCase,
    HandleEnrollmentEventsUseCase,
    HandleCourseRoleEventsUseCase,
    HandleImportEventsUseCase,
    HandleInvitationEventsUseCase,
    HandleCourseSessionEventsUseCase,
    RecordSessionRemindersUseCase,
    SessionRemindersPeriodicWork,
    ReleaseWaitingDeliveriesUseCase,
    SendDueDeliveriesUseCase,
    ListDeliveriesUseCase,
    RetryDeliveryUseCase,
    DeliverySenderPool,
    { provide: SEND_SIGNAL, useExisting: DeliverySenderPool },
  ],
})
export class DeliveriesModule {}
