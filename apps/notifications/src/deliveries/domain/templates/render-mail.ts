import Handlebars from 'handlebars';
import type { PersonName } from '../../../recipients/domain/recipient';
import {
  isCourseSessionContext,
  type SessionSlot,
  isCourseRoleContext,
  isDigestContext,
  isEnrollmentContext,
  isImportContext,
  isInvitationContext,
  type DeliveryKind,
  type MailContext,
} from '../delivery';
import { SUPPORTED_LOCALES, type MailCatalog, type SupportedLocale } from './mail-catalog';

export interface MailTemplateInput {
  kind: DeliveryKind;
  /** The recipient's locale as identity stores it (`it`, `it-IT`, `en_GB`...). */
  locale: string;
  /** Null for an invited address without an account: the greeting names nobody. */
  recipientFirstName: string | null;
  /** The other party (coaches for a mentee, the mentee for a coach); null when not all are known. */
  counterparts: readonly PersonName[] | null;
  link: string;
  /** Days until the assignment's end, for an expiry notice; null otherwise. */
  daysLeft?: number | null;
  /** For a digest: how many mails it stands for (its counterparts are the first of them). */
  count?: number | null;
  /** For an enrollment: the course's title; null when not known. */
  course?: string | null;
  /** For a session: when and where it is held, and was before it moved. */
  session?: { slot: SessionSlot; previous: SessionSlot | null } | null;
  /** The recipient's IANA time zone, for the times of a session; null or unknown: UTC. */
  timezone?: string | null;
  /** For an import over (ID-I4): its file, its rows and whether it was a dry run or failed. */
  importResult?: ImportResultValues | null;
  /** For an invitation to a group (ID-G2): the group's name and the roles offered. */
  invitation?: InvitationValues | null;
}

/** What a mail about an invitation says of it. */
export interface InvitationValues {
  groupName: string;
  /** Roles of a group (`learner`, `co_author`...); one without words of the catalog is shown as it is. */
  roles: readonly string[];
}

/** What a mail about an import says of it. */
export interface ImportResultValues {
  fileName: string | null;
  dryRun: boolean;
  failed: boolean;
  rowsRead: number;
  rowsApplied: number;
  rowsRejected: number;
}

export interface RenderedMail {
  locale: SupportedLocale;
  subject: string;
  text: string;
  html: string;
}

/** A template of the catalog, compiled once: words are plain text, never escaped here. */
type TextTemplate = (values: Record<string, unknown>) => string;

/** An engine of its own, so that no helper or partial registered elsewhere changes a mail. */
const engine = Handlebars.create();
const compiledText = new Map<string, TextTemplate>();

function text(template: string): TextTemplate {
  let compiled = compiledText.get(template);
  if (!compiled) {
    compiled = engine.compile(template, { noEscape: true, strict: true, knownHelpersOnly: true });
    compiledText.set(template, compiled);
  }
  return compiled;
}

/** The plain-text part: the words as they are. */
const TEXT_LAYOUT = text(
  '{{greeting}}\n\n{{#each paragraphs}}{{this}}\n\n{{/each}}{{linkLabel}}: {{link}}\n\n{{signature}}\n',
);

/** The HTML part: every value is HTML-escaped by the engine, names and link included. */
const HTML_LAYOUT = engine.compile(
  [
    '<!doctype html>',
    '<html lang="{{locale}}"><body style="font-family:sans-serif;line-height:1.5">',
    '<p>{{greeting}}</p>',
    '{{#each paragraphs}}<p>{{this}}</p>',
    '{{/each}}<p><a href="{{link}}">{{linkLabel}}</a></p>',
    '<p>{{signature}}</p>',
    '</body></html>',
  ].join('\n'),
  { strict: true, knownHelpersOnly: true },
);

/** `it-IT` → `it`; anything without a catalog falls back to English. */
export function resolveLocale(locale: string): SupportedLocale {
  const language = locale.trim().toLowerCase().split(/[-_]/)[0];
  return language in SUPPORTED_LOCALES ? (language as SupportedLocale) : 'en';
}

/**
 * The link a mail points to, under the web app's public address: the assignment it talks
 * about, the coach's mentees for a digest, the course of an enrollment or of a role, the
 * import, the invitation to accept.
 */
export function mailLink(appUrl: string, context: MailContext): string {
  const base = appUrl.replace(/\/+$/, '');
  if (isDigestContext(context)) return `${base}/coaching/mentees`;
  if (isEnrollmentContext(context))
    return `${base}/learning/courses/${encodeURIComponent(context.enrollment.courseId)}`;
  if (isCourseRoleContext(context))
    return `${base}/learning/courses/${encodeURIComponent(context.courseRole.courseId)}`;
  if (isCourseSessionContext(context))
    return `${base}/learning/courses/${encodeURIComponent(context.courseSession.courseId)}`;
  if (isImportContext(context))
    return `${base}/admin/imports/${encodeURIComponent(context.importResult.importId)}`;
  // Where the invited user accepts it (identity's `POST /v1/invitations/:id/accept`), in the web app.
  if (isInvitationContext(context))
    return `${base}/invitations/${encodeURIComponent(context.invitation.invitationId)}/accept`;
  return `${base}/coaching/assignments/${encodeURIComponent(context.assignmentId)}`;
}

/** One line, no control characters: names end up in subjects and must not break headers. */
function clean(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function displayName(name: PersonName): string {
  return clean(`${name.firstName} ${name.lastName}`);
}

/** "Ada", "Ada and Alan", "Ada, Alan and Grace". */
function joinNames(names: readonly string[], and: string): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;
}

/** When the assignment ends, in the catalog's words. */
function endsIn(catalog: MailCatalog, daysLeft: number | null): string {
  if (daysLeft === null) return catalog.ends.soon;
  if (daysLeft === 0) return catalog.ends.today;
  return daysLeft === 1 ? catalog.ends.tomorrow : text(catalog.ends.days)({ daysLeft });
}

/**
 * Whether each time zone met so far is one the runtime knows: asked once per zone, since
 * building a date format to find out costs more than rendering the rest of a mail.
 */
const knownZones = new Map<string, boolean>();

/** The time zone a session's times are shown in: the recipient's when valid, UTC otherwise. */
export function displayZone(timezone: string | null | undefined): string {
  if (!timezone) return 'UTC';
  let known = knownZones.get(timezone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: timezone });
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size < 1_000) knownZones.set(timezone, known);
  }
  return known ? timezone : 'UTC';
}

/**
 * When a session is held, in words of `locale` and in the time zone `zone`, which is named:
 * "Friday, 15 January 2027, 09:00–17:00 (Europe/Rome)"; a session ending on another day names
 * both days.
 */
export function sessionTime(
  slot: Pick<SessionSlot, 'startsAt' | 'endsAt'>,
  locale: string,
  zone: string,
): string {
  const day = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: zone,
  });
  const time = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  });
  const [startDay, endDay] = [day.format(slot.startsAt), day.format(slot.endsAt)];
  const range =
    startDay === endDay
      ? `${startDay}, ${time.format(slot.startsAt)}–${time.format(slot.endsAt)}`
      : `${startDay}, ${time.format(slot.startsAt)} – ${endDay}, ${time.format(slot.endsAt)}`;
  return `${range} (${zone})`;
}

/** The words of a session's time, place and link, and those before it moved. */
function sessionValues(
  input: MailTemplateInput,
  locale: SupportedLocale,
): Record<'when' | 'place' | 'online' | 'previousWhen' | 'previousPlace' | 'previousOnline', string | null> {
  const zone = displayZone(input.timezone);
  const words = (slot: SessionSlot | null | undefined) =>
    slot
      ? {
          when: sessionTime(
            { startsAt: new Date(slot.startsAt), endsAt: new Date(slot.endsAt) },
            locale,
            zone,
          ),
          place: slot.place ? clean(slot.place) : null,
          online: slot.link ? clean(slot.link) : null,
        }
      : { when: null, place: null, online: null };
  const now = words(input.session?.slot);
  const before = words(input.session?.previous);
  return {
    ...now,
    previousWhen: before.when,
    previousPlace: before.place,
    previousOnline: before.online,
  };
}

/** The words of an import's mail: its file's name (null: none), its rows, a dry run, a failure. */
function importValues(
  result: ImportResultValues | null | undefined,
): Record<
  'file' | 'dryRun' | 'failed' | 'rowsRead' | 'rowsApplied' | 'rowsRejected',
  string | number | boolean | null
> {
  return {
    file: result?.fileName ? clean(result.fileName) : null,
    dryRun: result?.dryRun ?? false,
    failed: result?.failed ?? false,
    rowsRead: result?.rowsRead ?? 0,
    rowsApplied: result?.rowsApplied ?? 0,
    rowsRejected: result?.rowsRejected ?? 0,
  };
}

/** The words of an invitation's mail: its group and the roles it offers, each in the catalog's words. */
function invitationValues(
  invitation: InvitationValues | null | undefined,
  catalog: MailCatalog,
): Record<'group' | 'roles', string | null> {
  if (!invitation) return { group: null, roles: null };
  const words = invitation.roles.map((role) =>
    Object.hasOwn(catalog.roles, role) ? catalog.roles[role as keyof MailCatalog['roles']] : clean(role),
  );
  return { group: clean(invitation.groupName), roles: joinNames(words, catalog.and) };
}

/**
 * Renders a delivery's mail (NO-3) in the recipient's locale, as plain text and HTML, from
 * the locale's Handlebars catalog. Pure: the same input always gives the same mail. The HTML
 * part escapes every value; the subject is one line.
 */
export function renderMail(input: MailTemplateInput): RenderedMail {
  const locale = resolveLocale(input.locale);
  const catalog = SUPPORTED_LOCALES[locale];
  const daysLeft = input.daysLeft ?? null;
  const count = input.count ?? null;
  const values = {
    course: input.course ? clean(input.course) : null,
    count,
    more: count === null ? 0 : Math.max(0, count - (input.counterparts?.length ?? 0)),
    names:
      input.counterparts && input.counterparts.length > 0
        ? joinNames(input.counterparts.map(displayName), catalog.and)
        : null,
    daysLeft,
    ends: endsIn(catalog, daysLeft),
    ...sessionValues(input, locale),
    ...importValues(input.importResult),
    ...invitationValues(input.invitation, catalog),
  };
  const words = catalog.kinds[input.kind];
  const parts = {
    locale,
    greeting: text(catalog.greeting)({
      firstName: input.recipientFirstName === null ? null : clean(input.recipientFirstName) || null,
    }),
    paragraphs: words.paragraphs.map((paragraph) => text(paragraph)(values)),
    linkLabel: words.linkLabel ?? catalog.linkLabel,
    link: input.link,
    signature: catalog.signature,
  };
  return {
    locale,
    subject: clean(text(words.subject)(values)),
    text: TEXT_LAYOUT(parts),
    html: HTML_LAYOUT(parts),
  };
}
