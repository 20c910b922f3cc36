import type { GroupRole, InvitationStatus } from '@lms/contracts';
import { nameBasedId, normalizeEmail } from '@lms/kernel';
import { mailStopOf, type Recipient } from '../../recipients/domain/recipient';
import { newDelivery, type Delivery, type InvitationMailContext } from './delivery';

/**
 * The invitation events notifications takes (ID-G2): every one, so that the newest version
 * handled for an invitation is known and a `created` replayed after its `revoked` mails nobody.
 */
export const INVITATION_EVENTS = [
  'invitation.created',
  'invitation.reminded',
  'invitation.accepted',
  'invitation.revoked',
] as const;
export type InvitationEventType = (typeof INVITATION_EVENTS)[number];

/**
 * Of those, the events that mail the invited address (NO-1): the invitation, and each reminder
 * (a mail of its own, its event being another). An accepted or revoked invitation mails nobody:
 * the one who accepted knows, and a revoked one is simply no longer open.
 */
export const MAILED_INVITATION_EVENTS = ['invitation.created', 'invitation.reminded'] as const;
export type MailedInvitationEventType = (typeof MAILED_INVITATION_EVENTS)[number];

/** What an invitation event says, as far as mails are concerned. */
export interface InvitationEventFacts {
  eventId: string;
  tenantId: string;
  type: InvitationEventType;
  /** The invitation's version the event brought it to (its `aggregateVersion`). */
  version: number;
  invitation: InvitationMailContext['invitation'] & {
    roles: GroupRole[];
    status: InvitationStatus;
  };
}

function isMailedType(type: InvitationEventType): type is MailedInvitationEventType {
  return (MAILED_INVITATION_EVENTS as readonly string[]).includes(type);
}

/** Namespace of invited addresses as recipients (a fixed, random UUID). */
const INVITEE_NAMESPACE = '3f6e2a9c-81d4-4b7e-9c05-6a1d2e8f4b73';

/**
 * Who an invitation's delivery is to, as its natural key names it: the invited account when
 * invited by id; otherwise the invited address, as a name-based UUID of the tenant and the
 * address (compared as identity compares them). It never depends on what the projection knows
 * when the event is handled, so that the same event always makes the same delivery (NO-2),
 * whether an account of that address appeared in between or not.
 */
export function inviteeIdOf(
  tenantId: string,
  invitation: Pick<InvitationMailContext['invitation'], 'userId' | 'email'>,
): string {
  return (
    invitation.userId ??
    nameBasedId(INVITEE_NAMESPACE, [tenantId, normalizeEmail(invitation.email)].join('\u0000'))
  );
}

/**
 * The delivery an invitation event causes (ID-G2): one mail to the invited address on
 * `invitation.created` and one on each `invitation.reminded`; none on `invitation.accepted` or
 * `invitation.revoked`, nor for an invitation the event says is no longer pending. Pure.
 */
export function planInvitationDeliveries(event: InvitationEventFacts, now: Date): Delivery[] {
  const { status, ...invitation } = event.invitation;
  if (!isMailedType(event.type) || status !== 'pending') return [];
  const context: InvitationMailContext = {
    invitation: { ...invitation, roles: [...invitation.roles] },
  };
  return [
    newDelivery({
      tenantId: event.tenantId,
      sourceEventId: event.eventId,
      sourceType: event.type,
      recipientId: inviteeIdOf(event.tenantId, invitation),
      kind: event.type,
      context,
      now,
    }),
  ];
}

/**
 * The events of a batch that a newer event of the same batch closed (accepted or revoked):
 * an invitation revoked right after it was made mails nobody, even when both events come in
 * one batch (across batches, the versions already handled say so).
 */
export function closedInBatch(events: readonly InvitationEventFacts[]): Set<string> {
  const closedAt = new Map<string, number>();
  for (const event of events) {
    if (event.invitation.status === 'pending') continue;
    const key = `${event.tenantId}:${event.invitation.invitationId}`;
    closedAt.set(key, Math.max(closedAt.get(key) ?? 0, event.version));
  }
  return new Set(
    events
      .filter(
        (event) => event.version < (closedAt.get(`${event.tenantId}:${event.invitation.invitationId}`) ?? 0),
      )
      .map((event) => event.eventId),
  );
}

/**
 * The account an invitation sent to an address (not to an account by id) reaches, among the
 * users of the projection with that address: one that may be mailed, else one whose mails
 * stopped (its delivery is cancelled as any other), null when the address has no account (the
 * mail then goes to the address alone: that is how people join).
 */
export function accountOfInvitedAddress(
  email: string,
  accounts: readonly Recipient[],
  now: Date,
): Recipient | null {
  const address = normalizeEmail(email);
  const same = accounts.filter(
    (account) => !account.deleted && account.email !== null && normalizeEmail(account.email) === address,
  );
  return same.find((account) => mailStopOf(account, now) === null) ?? same[0] ?? null;
}
