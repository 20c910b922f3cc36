import type { DeliveryKind } from '../delivery';

/** The words of one mail: a subject and its paragraphs, as plain text. */
export interface MailWords {
  subject: string;
  paragraphs: string[];
}

/**
 * One locale's wording. `names` is the other party's display name(s) joined for the
 * sentence, or null when the projection does not know them yet (neutral wording).
 */
export interface LocaleTemplates {
  greeting(firstName: string): string;
  linkLabel: string;
  signature: string;
  joinNames(names: readonly string[]): string;
  kinds: Record<DeliveryKind, (names: string | null) => MailWords>;
}

function joinWith(conjunction: string): (names: readonly string[]) => string {
  return (names) =>
    names.length <= 1
      ? (names[0] ?? '')
      : `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}

export const EN_TEMPLATES: LocaleTemplates = {
  greeting: (firstName) => `Hi ${firstName},`,
  linkLabel: 'Open your coaching space',
  signature: 'The Coaching Platform team',
  joinNames: joinWith('and'),
  kinds: {
    'assignment.created.mentee': (coaches) =>
      coaches
        ? {
            subject: `Your coaching with ${coaches} has started`,
            paragraphs: [`You have been assigned to ${coaches} for coaching.`],
          }
        : { subject: 'Your coaching has started', paragraphs: ['You have been assigned a coach.'] },
    'assignment.created.coach': (mentee) =>
      mentee
        ? {
            subject: `New mentee: ${mentee}`,
            paragraphs: [`${mentee} has been assigned to you as a mentee.`],
          }
        : { subject: 'You have a new mentee', paragraphs: ['A new mentee has been assigned to you.'] },
    'assignment.ended.mentee': (coaches) =>
      coaches
        ? {
            subject: `Your coaching with ${coaches} has ended`,
            paragraphs: [`Your coaching with ${coaches} has ended.`],
          }
        : { subject: 'Your coaching has ended', paragraphs: ['Your coaching assignment has ended.'] },
    'assignment.ended.coach': (mentee) =>
      mentee
        ? {
            subject: `Your coaching of ${mentee} has ended`,
            paragraphs: [`Your coaching assignment with ${mentee} has ended.`],
          }
        : {
            subject: 'A coaching assignment of yours has ended',
            paragraphs: ['One of your coaching assignments has ended.'],
          },
  },
};

export const IT_TEMPLATES: LocaleTemplates = {
  greeting: (firstName) => `Ciao ${firstName},`,
  linkLabel: 'Apri il tuo spazio di coaching',
  signature: 'Il team di Coaching Platform',
  joinNames: joinWith('e'),
  kinds: {
    'assignment.created.mentee': (coaches) =>
      coaches
        ? {
            subject: `Il tuo percorso di coaching con ${coaches} è iniziato`,
            paragraphs: [`Il tuo percorso di coaching con ${coaches} è iniziato.`],
          }
        : {
            subject: 'Il tuo percorso di coaching è iniziato',
            paragraphs: ['Ti è stato assegnato un percorso di coaching.'],
          },
    'assignment.created.coach': (mentee) =>
      mentee
        ? {
            subject: `Nuova persona da seguire: ${mentee}`,
            paragraphs: [`Ti è stata assegnata una nuova persona da seguire: ${mentee}.`],
          }
        : {
            subject: 'Hai una nuova persona da seguire',
            paragraphs: ['Ti è stata assegnata una nuova persona da seguire.'],
          },
    'assignment.ended.mentee': (coaches) =>
      coaches
        ? {
            subject: `Il tuo percorso di coaching con ${coaches} è terminato`,
            paragraphs: [`Il tuo percorso di coaching con ${coaches} è terminato.`],
          }
        : {
            subject: 'Il tuo percorso di coaching è terminato',
            paragraphs: ['Il tuo percorso di coaching è terminato.'],
          },
    'assignment.ended.coach': (mentee) =>
      mentee
        ? {
            subject: `Il coaching di ${mentee} è terminato`,
            paragraphs: [`Il tuo incarico di coaching con ${mentee} è terminato.`],
          }
        : {
            subject: 'Un tuo incarico di coaching è terminato',
            paragraphs: ['Uno dei tuoi incarichi di coaching è terminato.'],
          },
  },
};

export const SUPPORTED_LOCALES = { en: EN_TEMPLATES, it: IT_TEMPLATES } as const;
export type SupportedLocale = keyof typeof SUPPORTED_LOCALES;
