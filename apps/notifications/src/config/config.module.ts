import { Global, Module } from '@nestjs/common';
import { loadNotificationsConfig, NOTIFICATIONS_CONFIG } from './notifications.config';

/** The validated configuration: a bad environment stops the service at start-up. */
@Global()
@Module({
  providers: [{ provide: NOTIFICATIONS_CONFIG, useFactory: () => loadNotificationsConfig(process.env) }],
  exports: [NOTIFICATIONS_CONFIG],
})
export class ConfigModule {}
