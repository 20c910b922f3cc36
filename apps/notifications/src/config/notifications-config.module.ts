import { Global, Module } from '@nestjs/common';
import { serviceConfigModule } from '@lms/service-kit';
import { NOTIFICATIONS_CONFIG, notificationsConfigFrom } from './notifications.config';
import { NotificationsEnv } from './notifications.env';

/** The service's settings, read from the environment once and checked against {@link NotificationsEnv}. */
@Global()
@Module({
  imports: [serviceConfigModule(NotificationsEnv)],
  providers: [
    { provide: NOTIFICATIONS_CONFIG, inject: [NotificationsEnv], useFactory: notificationsConfigFrom },
  ],
  exports: [NOTIFICATIONS_CONFIG],
})
export class NotificationsConfigModule {}
