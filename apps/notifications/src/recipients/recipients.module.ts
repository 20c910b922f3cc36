import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { MongoRecipientRepository } from './infra/mongo-recipient.repository';
import { RECIPIENT_MODEL, RecipientSchema } from './infra/recipient.schema';
import { RECIPIENT_REPOSITORY } from './ports/recipient.repository';
import { ProjectUserUseCase } from './use-cases/project-user.use-case';

/** The recipient projection: names, addresses, locales and states of the users notifications mails. */
@Module({
  providers: [
    mongoModel(RECIPIENT_MODEL, RecipientSchema),
    { provide: RECIPIENT_REPOSITORY, useClass: MongoRecipientRepository },
    ProjectUserUseCase,
  ],
  exports: [RECIPIENT_REPOSITORY, ProjectUserUseCase],
})
export class RecipientsModule {}
