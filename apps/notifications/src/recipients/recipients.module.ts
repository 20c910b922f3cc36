import { Module } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { MONGO_CONNECTION } from '@lms/service-kit';
import { MongoRecipientRepository, RECIPIENT_MODEL_TOKEN } from './infra/mongo-recipient.repository';
import { RECIPIENT_MODEL, RecipientSchema, type RecipientDocument } from './infra/recipient.schema';
import { RECIPIENT_REPOSITORY } from './ports/recipient.repository';
import { ProjectUserUseCase } from './use-cases/project-user.use-case';

/** The recipient projection: names, addresses and locales of the users notifications mails. */
@Module({
  providers: [
    {
      provide: RECIPIENT_MODEL_TOKEN,
      inject: [MONGO_CONNECTION],
      useFactory: (connection: Connection) =>
        connection.model<RecipientDocument>(RECIPIENT_MODEL, RecipientSchema),
    },
    { provide: RECIPIENT_REPOSITORY, useClass: MongoRecipientRepository },
    ProjectUserUseCase,
  ],
  exports: [RECIPIENT_REPOSITORY, ProjectUserUseCase],
})
export class RecipientsModule {}
