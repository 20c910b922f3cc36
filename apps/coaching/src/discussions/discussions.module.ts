import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { AssignmentsModule } from '../assignments/assignments.module';
import { DiscussionsController } from './discussions.controller';
import { MESSAGE_MODEL, MessageSchema } from './infra/message.schema';
import { MongoMessageRepository } from './infra/mongo-message.repository';
import { MESSAGE_REPOSITORY } from './ports/message.repository';
import { ListMessagesUseCase } from './use-cases/list-messages.use-case';
import { PostMessageUseCase } from './use-cases/post-message.use-case';

/**
 * Discussions between an assignment's mentee and its coaches (CO-W1); the time of each
 * assignment's last message is there for its lists (CO-A10).
 */
@Module({
  imports: [AssignmentsModule],
  controllers: [DiscussionsController],
  providers: [
    mongoModel(MESSAGE_MODEL, MessageSchema),
    { provide: MESSAGE_REPOSITORY, useClass: MongoMessageRepository },
    PostMessageUseCase,
    ListMessagesUseCase,
  ],
  exports: [MESSAGE_REPOSITORY],
})
export class DiscussionsModule {}
