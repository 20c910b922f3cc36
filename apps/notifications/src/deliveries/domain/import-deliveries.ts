import type { ImportKind, ImportOutcome } from '@lms/contracts';
import { newDelivery, type Delivery, type ImportMailContext } from './delivery';

/** The import events that mail the administrator who started the import (ID-I4). */
export const MAILED_IMPORT_EVENTS = ['import.finished'] as const;
export type ImportEventType = (typeof MAILED_IMPORT_EVENTS)[number];

/** What an import event says, as far as mails are concerned. */
export interface ImportEventFacts {
  eventId: string;
  tenantId: string;
  type: ImportEventType;
  /** The import's version the event brought it to (its `aggregateVersion`). */
  version: number;
  result: {
    importId: string;
    kind: ImportKind;
    outcome: ImportOutcome;
    /** Null: started without an account, nobody to mail. */
    startedBy: string | null;
    dryRun: boolean;
    fileName: string | null;
    rowsRead: number;
    rowsApplied: number;
    rowsRejected: number;
  };
}

/** The delivery an import's end causes: one mail to the account that started it, none without one. Pure. */
export function planImportDeliveries(event: ImportEventFacts, now: Date): Delivery[] {
  const { startedBy, ...result } = event.result;
  if (startedBy === null) return [];
  const context: ImportMailContext = {
    importResult: {
      importId: result.importId,
      kind: result.kind,
      outcome: result.outcome,
      dryRun: result.dryRun,
      fileName: result.fileName,
      rowsRead: result.rowsRead,
      rowsApplied: result.rowsApplied,
      rowsRejected: result.rowsRejected,
    },
  };
  return [
    newDelivery({
      tenantId: event.tenantId,
      sourceEventId: event.eventId,
      sourceType: event.type,
      recipientId: startedBy,
      kind: 'import.finished',
      context,
      now,
    }),
  ];
}
