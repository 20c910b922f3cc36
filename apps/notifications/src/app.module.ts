import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { DeliveriesStream } from '@lms/contracts';
import { MessagingModule } from '@lms/messaging';
import { MongoModule, ServiceKitModule } from '@lms/service-kit';
import { NotificationsConfigModule } from './config/notifications-config.module';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { PreferencesModule } from './preferences/preferences.module';
import { RecipientsModule } from './recipients/recipients.module';
import { SessionsModule } from './sessions/sessions.module';

@Module({
  imports: [
    NotificationsConfigModule,
    ScheduleModule.forRoot(),
    ServiceKitModule.forRoot({ serviceName: 'notifications' }),
    MongoModule.forRoot({ dbName: 'notifications' }),
    MessagingModule.forRoot({ serviceName: 'notifications', producedStreams: [DeliveriesStream] }),
    RecipientsModule,
    PreferencesModule,
    SessionsModule,
    DeliveriesModule,
  ],
})
export class AppModule {}
