import { createHash } from 'node:crypto';

/**
 * A delivery: one mail of one kind to one recipient because of one source event (NO-2).
 * Its natural key `(tenantId, sourceEventId, recipientId, kind)` is unique, so a
 * redelivered event can never create, and never send, a second one.
 */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'cancelled', 'digested'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * Why a pending delivery has not been sent yet. `digest_window`: it may go out in a digest
 * with the recipient's other mails of its digest key ({@link Delivery.digestKey}).
 */
export const PENDING_REASONS = ['waiting_recipient', 'retry_backoff', 'digest_window'] as const;
export type PendingReason = (typeof PENDING_REASONS)[number];

export const DELIVERY_KINDS = [
  'assignment.created.mentee',
  'assignment.created.coach',
  'assignment.ended.mentee',
  'assignment.ended.coach',
  'assignment.transferred.mentee',
  'assignment.transferred.coach',
  'assignment.transferred.previous-coach',
  'assignment.reactivated.mentee',
  'assignment.reactivated.coach',
  'assignment.expiring.mentee',
  'assignment.expiring.coach',
  /** One mail for many `assignment.created.coach` of one coach (NO-2). */
  'assignment.created.coach-digest',
  /** One mail for many `assignment.ended.coach` of one coach. */
  'assignment.ended.coach-digest',
  /** A learner enrolled in a course (LE-E1). */
  'enrollment.enrolled.learner',
  /** A learner's enrollment waits: for approval, a seat or a session's confirmation. */
  'enrollment.waiting.learner',
  /** A waiting enrollment was confirmed: the learner is enrolled. */
  'enrollment.confirmed.learner',
  /** A user was made a reviewer of a course (LE-C2). */
  'course.reviewer-assigned',
  /** A session a learner attends moved: its time, place or link changed (NO-1). */
  'course-session.rescheduled.learner',
  /** A session a learner attends was cancelled. */
  'course-session.cancelled.learner',
  /** A session a learner attends starts soon. */
  'course-session.reminder.learner',
  /** A session of a course the recipient teaches moved (NO-1: instructors, for their sessions). */
  'course-session.rescheduled.instructor',
  /** A session of a course the recipient teaches was cancelled. */
  'course-session.cancelled.instructor',
  /** A session of a course the recipient teaches starts soon. */
  'course-session.reminder.instructor',
  /** A CSV import an administrator started is over (ID-I4). */
  'import.finished',
  /** An address was invited to a group (ID-G2); to the invited address, with or without an account. */
  'invitation.created',
  /** A reminder of a pending invitation to a group, one per reminder. */
  'invitation.reminded',
] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

export type DeliveryChannel = 'email';

/** What an assignment's mail talks about, copied from the source event (event-carried state). */
export interface AssignmentMailContext {
  assignmentId: string;
  menteeId: string;
  coachIds: string[];
  origin: 'individual' | 'group';
  groupAssignmentId: string | null;
  groupId: string | null;
  startDate: string;
  endDate: string | null;
  endedAt: Date | null;
  endReason: string | null;
  /** A transfer's previous coaches (absent on deliveries of other events). */
  previousCoachIds?: string[];
  /** Days until an expiring assignment's end date (absent on deliveries of other events). */
  daysLeft?: number | null;
}

/** What a digest mail talks about: how many mails it stands for and the first mentees it names. */
export interface DigestMailContext {
  digest: {
    /** The deliveries the digest stands for, each now `digested`. */
    count: number;
    /** The mentees of the first of them, in the order they were recorded. */
    menteeIds: string[];
  };
}

/** What an enrollment's mail talks about, copied from the source event. */
export interface EnrollmentMailContext {
  enrollment: {
    enrollmentId: string;
    courseId: string;
    /** Null when the event did not carry it: the mail then says "a course". */
    courseTitle: string | null;
    sessionId: string | null;
    state: string;
  };
}

/** What a mail about a role in a course talks about, copied from the source event. */
export interface CourseRoleMailContext {
  courseRole: {
    courseId: string;
    courseTitle: string;
    role: string;
  };
}

/** When and where a session is held. */
export interface SessionSlot {
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  link: string | null;
}

/** What a mail about a session talks about, copied from the source event or the projection. */
export interface CourseSessionMailContext {
  courseSession: SessionSlot & {
    sessionId: string;
    courseId: string;
    courseTitle: string;
    /** When and where it was before it moved (a rescheduled session's mail); null otherwise. */
    previous: SessionSlot | null;
  };
}

/** What a mail about an import talks about, copied from the source event. */
export interface ImportMailContext {
  importResult: {
    importId: string;
    kind: string;
    outcome: string;
    dryRun: boolean;
    fileName: string | null;
    rowsRead: number;
    rowsApplied: number;
    rowsRejected: number;
  };
}

/** What a mail about an invitation to a group talks about, copied from the source event. */
export interface InvitationMailContext {
  invitation: {
    invitationId: string;
    groupId: string;
    groupName: string;
    /** The invited address: the mail goes there. */
    email: string;
    /** The invited account when invited by id; null when invited by address. */
    userId: string | null;
    roles: string[];
    /** The account that invited; null when none. */
    invitedBy: string | null;
    /** Reminders sent so far (the event's count). */
    reminders: number;
  };
}

export type MailContext =
  | AssignmentMailContext
  | DigestMailContext
  | EnrollmentMailContext
  | CourseRoleMailContext
  | CourseSessionMailContext
  | ImportMailContext
  | InvitationMailContext;

export function isDigestContext(context: MailContext): context is DigestMailContext {
  return 'digest' in context;
}

export function isEnrollmentContext(context: MailContext): context is EnrollmentMailContext {
  return 'enrollment' in context;
}

export function isCourseRoleContext(context: MailContext): context is CourseRoleMailContext {
  return 'courseRole' in context;
}

export function isCourseSessionContext(context: MailContext): context is CourseSessionMailContext {
  return 'courseSession' in context;
}

export function isImportContext(context: MailContext): context is ImportMailContext {
  return 'importResult' in context;
}

export function isInvitationContext(context: MailContext): context is InvitationMailContext {
  return 'invitation' in context;
}

/** The assignment a mail talks about; a digest or an enrollment's mail talks about none. */
export function assignmentContextOf(delivery: Pick<Delivery, 'id' | 'context'>): AssignmentMailContext {
  const { context } = delivery;
  if (
    isDigestContext(context) ||
    isEnrollmentContext(context) ||
    isCourseRoleContext(context) ||
    isCourseSessionContext(context) ||
    isImportContext(context) ||
    isInvitationContext(context)
  )
    throw new Error(`delivery ${delivery.id} is not about an assignment`);
  return context;
}

export interface DeliveryKey {
  tenantId: string;
  sourceEventId: string;
  recipientId: string;
  kind: DeliveryKind;
}

export interface Delivery extends DeliveryKey {
  id: string;
  sourceType: string;
  channel: DeliveryChannel;
  status: DeliveryStatus;
  pendingReason: PendingReason | null;
  context: MailContext;
  /**
   * Deliveries of one recipient with the same digest key are sent as one digest mail when
   * enough of them are pending together (NO-2: a coach receiving many mentees at once). Null
   * when the delivery is always sent alone.
   */
  digestKey: string | null;
  /** The digest this delivery went out in (status `digested`); null otherwise. */
  digestId: string | null;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Aggregate version: 1 at creation, +1 with every change of state. */
  version: number;
}

/** What makes a new delivery; the rest starts the same for every one. */
export interface NewDelivery extends DeliveryKey {
  sourceType: string;
  context: MailContext;
  now: Date;
  /** A mail that may go out in a digest: its key, and the end of its window (its first attempt). */
  digest?: { key: string; windowClosesAt: Date };
}

/** A pending delivery, due at once (or when its digest window closes), its id from its natural key. */
export function newDelivery(input: NewDelivery): Delivery {
  const { tenantId, sourceEventId, recipientId, kind, sourceType, context, now, digest } = input;
  return {
    id: deliveryIdOf({ tenantId, sourceEventId, recipientId, kind }),
    tenantId,
    sourceEventId,
    sourceType,
    recipientId,
    kind,
    channel: 'email',
    status: 'pending',
    pendingReason: digest ? 'digest_window' : null,
    context,
    digestKey: digest?.key ?? null,
    digestId: null,
    attempts: 0,
    nextAttemptAt: digest?.windowClosesAt ?? now,
    lastError: null,
    sentAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

/** Points at one delivery of one tenant. */
export interface DeliveryRef {
  tenantId: string;
  deliveryId: string;
}

/**
 * Proof of a claim, presented by every write that ends it: the delivery, the claim's owner
 * and the version the delivery had when it was claimed (a claim does not change it).
 */
export interface DeliveryClaim extends DeliveryRef {
  recipientId: string;
  owner: string;
  version: number;
}

export function claimOf(delivery: Delivery, owner: string): DeliveryClaim {
  return {
    tenantId: delivery.tenantId,
    deliveryId: delivery.id,
    recipientId: delivery.recipientId,
    owner,
    version: delivery.version,
  };
}

/** Namespace of delivery ids (a fixed, random UUID). */
const DELIVERY_ID_NAMESPACE = Buffer.from('5f0c8f1e9a7b4c2d8e3f4a5b6c7d8e9f', 'hex');

/**
 * The id of the delivery with this natural key: a name-based UUID (RFC 9562 version 5), so
 * that the same event, recipient and kind always make the same id, and a batch can write its
 * deliveries and read them back by `_id` alone.
 */
export function deliveryIdOf(key: DeliveryKey): string {
  const name = [key.tenantId, key.sourceEventId, key.recipientId, key.kind].join('\u0000');
  const hash = createHash('sha1').update(DELIVERY_ID_NAMESPACE).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The users a mail names besides its recipient: coaches for the mentee, the mentee for a coach
 * (a previous coach's too), the first mentees of a digest, who invited for an invitation;
 * nobody for a mail about a course.
 */
export function counterpartIds(delivery: Pick<Delivery, 'kind' | 'context'>): string[] {
  const { context } = delivery;
  if (isDigestContext(context)) return context.digest.menteeIds;
  if (isInvitationContext(context)) return context.invitation.invitedBy ? [context.invitation.invitedBy] : [];
  if (
    isEnrollmentContext(context) ||
    isCourseRoleContext(context) ||
    isCourseSessionContext(context) ||
    isImportContext(context)
  )
    return [];
  return delivery.kind.endsWith('.mentee') ? context.coachIds : [context.menteeId];
}
