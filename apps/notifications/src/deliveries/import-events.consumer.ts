import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ImportsStream, type EnvelopeOf } from '@lms/contracts';
import { OnEventBatch } from '@lms/messaging';
import { MAILED_IMPORT_EVENTS } from './domain/import-deliveries';
import {
  HandleImportEventsUseCase,
  type ImportEventCommand,
} from './use-cases/handle-import-events.use-case';

type ImportFinished = EnvelopeOf<typeof ImportsStream.events, 'import.finished'>;

/** Kafka adapter: an import over mails the administrator who started it (ID-I4), in batches (rule 8). */
@Controller()
export class ImportEventsConsumer {
  constructor(private readonly handleImportEvents: HandleImportEventsUseCase) {}

  @OnEventBatch(ImportsStream, [...MAILED_IMPORT_EVENTS])
  async onImportEvents(@Payload() events: ImportFinished[]): Promise<void> {
    await this.handleImportEvents.execute(events.map(toCommand));
  }
}

function toCommand(event: ImportFinished): ImportEventCommand {
  const { payload } = event;
  return {
    eventId: event.eventId,
    tenantId: event.tenantId,
    type: event.type,
    version: event.aggregateVersion,
    result: {
      importId: payload.importId,
      kind: payload.kind,
      outcome: payload.outcome,
      startedBy: payload.startedBy ?? null,
      dryRun: payload.dryRun,
      fileName: payload.fileName ?? null,
      rowsRead: payload.rowsRead,
      rowsApplied: payload.rowsApplied,
      rowsRejected: payload.rowsRejected,
    },
  };
}
