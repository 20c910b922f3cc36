import type { DeliveryKind } from '../delivery';

/** The words of one mail: a subject and its paragraphs, as plain text. */
export interface MailWords {
  subject: string;
  paragraphs: string[];
}

/** What some mails say besides names: the days left before an assignment's end. */
export interface MailDetails {
  daysLeft: number | null;
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
  kinds: Record<DeliveryKind, (names: string | null, details: MailDetails) => MailWords>;
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
    'assignment.transferred.mentee': (coaches) =>
      coaches
        ? {
            subject: `Your coaching continues with ${coaches}`,
            paragraphs: [`Your coaching has been handed over: ${coaches} will coach you from now on.`],
          }
        : {
            subject: 'Your coaching continues with a new coach',
            paragraphs: ['Your coaching has been handed over to a new coach.'],
          },
    'assignment.transferred.coach': (mentee) =>
      mentee
        ? {
            subject: `New mentee: ${mentee}`,
            paragraphs: [`The coaching of ${mentee} has been handed over to you.`],
          }
        : {
            subject: 'You have a new mentee',
            paragraphs: ['A coaching assignment has been handed over to you.'],
          },
    'assignment.transferred.previous-coach': (mentee) =>
      mentee
        ? {
            subject: `Your coaching of ${mentee} has been handed over`,
            paragraphs: [`The coaching of ${mentee} has been handed over to another coach.`],
          }
        : {
            subject: 'A coaching assignment of yours has been handed over',
            paragraphs: ['One of your coaching assignments has been handed over to another coach.'],
          },
    'assignment.reactivated.mentee': (coaches) =>
      coaches
        ? {
            subject: `Your coaching with ${coaches} has resumed`,
            paragraphs: [`Your coaching with ${coaches} has resumed.`],
          }
        : { subject: 'Your coaching has resumed', paragraphs: ['Your coaching assignment has resumed.'] },
    'assignment.reactivated.coach': (mentee) =>
      mentee
        ? {
            subject: `Your coaching of ${mentee} has resumed`,
            paragraphs: [`Your coaching assignment with ${mentee} has resumed.`],
          }
        : {
            subject: 'A coaching assignment of yours has resumed',
            paragraphs: ['One of your coaching assignments has resumed.'],
          },
    'assignment.expiring.mentee': (coaches, { daysLeft }) => ({
      subject: coaches
        ? `Your coaching with ${coaches} ${endsIn(daysLeft)}`
        : `Your coaching ${endsIn(daysLeft)}`,
      paragraphs: [
        coaches
          ? `Your coaching with ${coaches} ${endsIn(daysLeft)}.`
          : `Your coaching assignment ${endsIn(daysLeft)}.`,
      ],
    }),
    'assignment.expiring.coach': (mentee, { daysLeft }) => ({
      subject: mentee
        ? `Your coaching of ${mentee} ${endsIn(daysLeft)}`
        : `A coaching assignment of yours ${endsIn(daysLeft)}`,
      paragraphs: [
        mentee
          ? `Your coaching assignment with ${mentee} ${endsIn(daysLeft)}.`
          : `One of your coaching assignments ${endsIn(daysLeft)}.`,
      ],
    }),
  },
};

/** "ends today", "ends tomorrow", "ends in 5 days". */
function endsIn(daysLeft: number | null): string {
  if (daysLeft === null) return 'ends soon';
  if (daysLeft === 0) return 'ends today';
  return daysLeft === 1 ? 'ends tomorrow' : `ends in ${daysLeft} days`;
}

/** "termina oggi", "termina domani", "termina tra 5 giorni". */
function terminaTra(daysLeft: number | null): string {
  if (daysLeft === null) return 'sta per terminare';
  if (daysLeft === 0) return 'termina oggi';
  return daysLeft === 1 ? 'termina domani' : `termina tra ${daysLeft} giorni`;
}

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
    'assignment.transferred.mentee': (coaches) =>
      coaches
        ? {
            subject: `Il tuo percorso di coaching prosegue con ${coaches}`,
            paragraphs: [`Il tuo percorso di coaching è stato affidato a ${coaches}.`],
          }
        : {
            subject: 'Il tuo percorso di coaching prosegue con un nuovo coach',
            paragraphs: ['Il tuo percorso di coaching è stato affidato a un nuovo coach.'],
          },
    'assignment.transferred.coach': (mentee) =>
      mentee
        ? {
            subject: `Nuova persona da seguire: ${mentee}`,
            paragraphs: [`Ti è stato affidato il coaching di ${mentee}.`],
          }
        : {
            subject: 'Hai una nuova persona da seguire',
            paragraphs: ['Ti è stato affidato un incarico di coaching.'],
          },
    'assignment.transferred.previous-coach': (mentee) =>
      mentee
        ? {
            subject: `Il coaching di ${mentee} è stato affidato a un altro coach`,
            paragraphs: [`Il coaching di ${mentee} è stato affidato a un altro coach.`],
          }
        : {
            subject: 'Un tuo incarico di coaching è stato affidato a un altro coach',
            paragraphs: ['Uno dei tuoi incarichi di coaching è stato affidato a un altro coach.'],
          },
    'assignment.reactivated.mentee': (coaches) =>
      coaches
        ? {
            subject: `Il tuo percorso di coaching con ${coaches} è ripreso`,
            paragraphs: [`Il tuo percorso di coaching con ${coaches} è ripreso.`],
          }
        : {
            subject: 'Il tuo percorso di coaching è ripreso',
            paragraphs: ['Il tuo percorso di coaching è ripreso.'],
          },
    'assignment.reactivated.coach': (mentee) =>
      mentee
        ? {
            subject: `Il coaching di ${mentee} è ripreso`,
            paragraphs: [`Il tuo incarico di coaching con ${mentee} è ripreso.`],
          }
        : {
            subject: 'Un tuo incarico di coaching è ripreso',
            paragraphs: ['Uno dei tuoi incarichi di coaching è ripreso.'],
          },
    'assignment.expiring.mentee': (coaches, { daysLeft }) => ({
      subject: coaches
        ? `Il tuo percorso di coaching con ${coaches} ${terminaTra(daysLeft)}`
        : `Il tuo percorso di coaching ${terminaTra(daysLeft)}`,
      paragraphs: [
        coaches
          ? `Il tuo percorso di coaching con ${coaches} ${terminaTra(daysLeft)}.`
          : `Il tuo percorso di coaching ${terminaTra(daysLeft)}.`,
      ],
    }),
    'assignment.expiring.coach': (mentee, { daysLeft }) => ({
      subject: mentee
        ? `Il coaching di ${mentee} ${terminaTra(daysLeft)}`
        : `Un tuo incarico di coaching ${terminaTra(daysLeft)}`,
      paragraphs: [
        mentee
          ? `Il tuo incarico di coaching con ${mentee} ${terminaTra(daysLeft)}.`
          : `Uno dei tuoi incarichi di coaching ${terminaTra(daysLeft)}.`,
      ],
    }),
  },
};

export const SUPPORTED_LOCALES = { en: EN_TEMPLATES, it: IT_TEMPLATES } as const;
export type SupportedLocale = keyof typeof SUPPORTED_LOCALES;
