import type { PersonName } from '../../../recipients/domain/recipient';
import type { AssignmentMailContext, DeliveryKind } from '../delivery';
import { escapeHtml } from './html-escape';
import { SUPPORTED_LOCALES, type SupportedLocale } from './locale-templates';

export interface MailTemplateInput {
  kind: DeliveryKind;
  /** The recipient's locale as identity stores it (`it`, `it-IT`, `en_GB`...). */
  locale: string;
  recipientFirstName: string;
  /** The other party (coaches for a mentee, the mentee for a coach); null when not all are known. */
  counterparts: readonly PersonName[] | null;
  link: string;
  /** Days until the assignment's end, for an expiry notice; null otherwise. */
  daysLeft?: number | null;
}

export interface RenderedMail {
  locale: SupportedLocale;
  subject: string;
  text: string;
  html: string;
}

/** `it-IT` → `it`; anything without a template falls back to English. */
export function resolveLocale(locale: string): SupportedLocale {
  const language = locale.trim().toLowerCase().split(/[-_]/)[0];
  return language in SUPPORTED_LOCALES ? (language as SupportedLocale) : 'en';
}

/** The link a mail points to, under the web app's public address. */
export function assignmentLink(appUrl: string, context: Pick<AssignmentMailContext, 'assignmentId'>): string {
  return `${appUrl.replace(/\/+$/, '')}/coaching/assignments/${encodeURIComponent(context.assignmentId)}`;
}

/** One line, no control characters: names end up in subjects and must not break headers. */
function clean(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function displayName(name: PersonName): string {
  return clean(`${name.firstName} ${name.lastName}`);
}

/**
 * Renders a delivery's mail (NO-3) in the recipient's locale, as plain text and HTML.
 * Pure: the same input always gives the same mail. Names are escaped in the HTML part.
 */
export function renderMail(input: MailTemplateInput): RenderedMail {
  const locale = resolveLocale(input.locale);
  const templates = SUPPORTED_LOCALES[locale];
  const names =
    input.counterparts && input.counterparts.length > 0
      ? templates.joinNames(input.counterparts.map(displayName))
      : null;
  const words = templates.kinds[input.kind](names, { daysLeft: input.daysLeft ?? null });
  const greeting = templates.greeting(clean(input.recipientFirstName));
  const text = [
    greeting,
    ...words.paragraphs,
    `${templates.linkLabel}: ${input.link}`,
    templates.signature,
  ].join('\n\n');
  const html = [
    '<!doctype html>',
    `<html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">`,
    `<p>${escapeHtml(greeting)}</p>`,
    ...words.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    `<p><a href="${escapeHtml(input.link)}">${escapeHtml(templates.linkLabel)}</a></p>`,
    `<p>${escapeHtml(templates.signature)}</p>`,
    '</body></html>',
  ].join('\n');
  return { locale, subject: clean(words.subject), text: `${text}\n`, html };
}
