import { Injectable } from '@nestjs/common';
import type { Delivery } from '../domain/delivery';
import { planImportDeliveries, type ImportEventFacts } from '../domain/import-deliveries';
import { MailRecorder } from './mail-recorder';

/** One import event: its id, tenant, type, the import's version and how the import went. */
export type ImportEventCommand = ImportEventFacts;

/**
 * Imports over (a batch of identity's imports stream): the administrator who started each is
 * mailed once (ID-I4), recorded for the sender pool ({@link MailRecorder}); the delivery's
 * natural key makes a redelivered event mail nobody twice.
 */
@Injectable()
export class HandleImportEventsUseCase {
  constructor(private readonly recorder: MailRecorder) {}

  execute(commands: readonly ImportEventCommand[]): Promise<Delivery[]> {
    return this.recorder.record(commands, {
      aggregateOf: (command) => command.result.importId,
      plan: planImportDeliveries,
    });
  }
}
