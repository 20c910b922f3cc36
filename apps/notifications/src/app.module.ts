import { Module } from '@nestjs/common';
import { DeliveriesStream } from '@lms/contracts';
import { MessagingModule } from '@lms/messaging';
import { MongoModule, ServiceKitModule } from '@lms/service-kit';
import { NotificationsConfigModule } from './config/notifications-config.module';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { PreferencesModule } from './preferences/preferences.module';
import { RecipientsModule } from './recipients/recipients.module';

@Module({
  imports: [
    NotificationsConfigModule,
    ServiceKitModule.forRoot({ serviceName: 'notifications' }),
    MongoModule.forRoot({ dbName: 'notifications' }),
    MessagingModule.forRoot({ serviceName: 'notifications', producedStreams: [DeliveriesStream] }),
    RecipientsModule,
    PreferencesModule,
    DeliveriesModule,
  ],
})
export class AppModule {}
