import { Injectable } from '@nestjs/common';
import type { Delivery } from '../domain/delivery';
import { planEnrollmentDeliveries, type EnrollmentEventFacts } from '../domain/enrollment-deliveries';
import { MailRecorder } from './mail-recorder';

/** One enrollment event: its id, tenant, type, version and the enrollment it carries. */
export type EnrollmentEventCommand = EnrollmentEventFacts;

/**
 * Enrollments changed (a batch of learning's enrollments stream): the learner is mailed when
 * enrolled, when its enrollment waits, and when a waiting one is confirmed (NO-1), recorded for
 * the sender pool ({@link MailRecorder}); an event older than the newest one handled for its
 * enrollment mails nothing.
 */
@Injectable()
export class HandleEnrollmentEventsUseCase {
  constructor(private readonly recorder: MailRecorder) {}

  execute(commands: readonly EnrollmentEventCommand[]): Promise<Delivery[]> {
    return this.recorder.record(commands, {
      aggregateOf: (command) => command.enrollment.enrollmentId,
      plan: planEnrollmentDeliveries,
    });
  }
}
