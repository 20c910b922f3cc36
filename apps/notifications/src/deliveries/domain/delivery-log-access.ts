/** Who reads the delivery log: its account (null: a caller naming none) and whether it administers the tenant. */
export interface DeliveryLogReader {
  userId: string | null;
  /** System and Application Administrators, superadmins. */
  administrator: boolean;
}

export type DeliveryLogScope =
  /** The deliveries the reader may see: of this recipient, or (undefined) of the whole tenant. */
  { outcome: 'allowed'; recipientId: string | undefined } | { outcome: 'forbidden' };

/**
 * NO-5: administrators read their tenant's whole delivery log, by any recipient; any other
 * signed-in user reads only the mails addressed to it, whether it names itself or nobody,
 * and never someone else's.
 */
export function deliveryLogScope(reader: DeliveryLogReader, askedRecipientId?: string): DeliveryLogScope {
  if (reader.administrator) return { outcome: 'allowed', recipientId: askedRecipientId };
  if (reader.userId === null) return { outcome: 'forbidden' };
  if (askedRecipientId !== undefined && askedRecipientId !== reader.userId) return { outcome: 'forbidden' };
  return { outcome: 'allowed', recipientId: reader.userId };
}
