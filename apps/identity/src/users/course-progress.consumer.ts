import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CourseProgressStream, type EnvelopeOf } from '@lms/contracts';
import { OnEvent } from '@lms/messaging';
import { RecordFirstCourseAccessUseCase } from './use-cases/record-first-course-access.use-case';

type FirstAccess = EnvelopeOf<typeof CourseProgressStream.events, 'course.first-accessed'>;

/** Kafka adapter: a learner's first course access makes the user `active` (ID-U3). */
@Controller()
export class CourseProgressConsumer {
  constructor(private readonly recordFirstCourseAccess: RecordFirstCourseAccessUseCase) {}

  @OnEvent(CourseProgressStream, 'course.first-accessed')
  async onFirstAccess(@Payload() event: FirstAccess): Promise<void> {
    await this.recordFirstCourseAccess.execute({
      tenantId: event.tenantId,
      userId: event.payload.userId,
      at: new Date(event.payload.accessedAt),
    });
  }
}
