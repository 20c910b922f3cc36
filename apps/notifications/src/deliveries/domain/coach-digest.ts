import { newDelivery, type Delivery, type DeliveryKind } from './delivery';

/**
 * The coach digest (NO-2): a coach who receives many new mentees within a short window gets
 * one mail listing them instead of one per mentee (and likewise when many of its coachings
 * end at once, a group assignment ended); mentees still get their own.
 */
export interface DigestSettings {
  /**
   * How long a coach's "new mentee" mail waits for others before it goes out, alone or in a
   * digest; 0 turns digests off (each mail goes out at once).
   */
  windowMs: number;
  /** Pending mails of one coach from which they go out as one digest rather than one by one. */
  threshold: number;
  /** Mentees a digest names; it counts them all. */
  names: number;
}

export const DEFAULT_DIGEST_SETTINGS: DigestSettings = { windowMs: 60_000, threshold: 5, names: 10 };

/** The most mails one digest stands for; a larger burst makes several digests. */
export const DIGEST_MEMBERS_MAX = 20_000;

/** The kinds of mail that may go out in a digest, and the digest's own kind. */
const DIGEST_KIND_OF: Partial<Record<DeliveryKind, DeliveryKind>> = {
  'assignment.created.coach': 'assignment.created.coach-digest',
  'assignment.ended.coach': 'assignment.ended.coach-digest',
};

/**
 * The digest key of a mail of this kind to this recipient, or null when such mails always go
 * out alone (or digests are off). One key per recipient and kind, whatever assignment brought
 * the mail: a group assignment and a bulk one alike.
 */
export function digestKeyOf(
  kind: DeliveryKind,
  recipientId: string,
  settings: DigestSettings,
): string | null {
  return settings.windowMs > 0 && DIGEST_KIND_OF[kind] ? `${kind}:${recipientId}` : null;
}

/** A pending mail of a digest key, as the digest reads it. */
export interface DigestMember {
  deliveryId: string;
  tenantId: string;
  recipientId: string;
  kind: DeliveryKind;
  sourceEventId: string;
  sourceType: string;
  menteeId: string;
}

/**
 * What to do with the pending mails of one digest key once the window of the oldest is over:
 * send them as one digest (there are at least `threshold`), or each alone.
 */
export type DigestDecision =
  | { outcome: 'alone' }
  | { outcome: 'digest'; digest: Delivery; memberIds: string[] };

/**
 * Decides over the pending mails of one key, oldest first (pure). The digest comes from the
 * event of its first member (its natural key: that event, the recipient, the digest's kind),
 * so that whoever forms the digest of the same mails forms the same one; it is due at once and
 * names the first `names` mentees.
 */
export function decideDigest(
  members: readonly DigestMember[],
  settings: DigestSettings,
  now: Date,
): DigestDecision {
  const first = members[0];
  const digestKind = first ? DIGEST_KIND_OF[first.kind] : undefined;
  if (!first || !digestKind || members.length < settings.threshold) return { outcome: 'alone' };
  const digest = newDelivery({
    tenantId: first.tenantId,
    sourceEventId: first.sourceEventId,
    sourceType: first.sourceType,
    recipientId: first.recipientId,
    kind: digestKind,
    context: {
      digest: {
        count: members.length,
        menteeIds: [...new Set(members.map((member) => member.menteeId))].slice(0, settings.names),
      },
    },
    now,
  });
  return { outcome: 'digest', digest, memberIds: members.map((member) => member.deliveryId) };
}
