import type { GroupRole } from '@lms/contracts';
import type { DeliveryKind } from '../delivery';

/**
 * One kind of mail in one language, as Handlebars templates of plain text: a subject and its
 * paragraphs. They see `names` (the other party's display names joined for the sentence, or
 * null when not known yet: `{{#if names}}` chooses the neutral wording), `ends` (when an
 * assignment ends, in words), `daysLeft`, and for a digest `count` (the mails it stands for) and
 * `more` (how many of those it does not name; 0 when it names them all), and for an
 * enrollment `course` (the course's title, or null when not known), and for a session `when`
 * (its day and hours in the recipient's time zone, the zone named), `place` and `online` (its
 * link), each null when it has none, and `previousWhen`, `previousPlace`, `previousOnline` when
 * it moved, and for an import `file` (its name, or null), `rowsRead`, `rowsApplied`,
 * `rowsRejected`, `dryRun` and `failed`, and for an invitation `group` (the group's name) and
 * `roles` (the roles offered, in words, joined for the sentence), `names` then being who invited.
 */
export interface MailWordsTemplate {
  subject: string;
  paragraphs: string[];
  /** The link's words, when not the catalog's. */
  linkLabel?: string;
}

/** One language's wording of every mail, each a Handlebars template of plain text. */
export interface MailCatalog {
  /** Sees `firstName`: null for an invited address without an account. */
  greeting: string;
  linkLabel: string;
  signature: string;
  /** The word that joins the last two names of a list: "Ada, Alan and Grace". */
  and: string;
  /** When an assignment ends, by days left; `days` sees `daysLeft`. */
  ends: { soon: string; today: string; tomorrow: string; days: string };
  /** A role in a group, in words (an invitation offers some). */
  roles: Record<GroupRole, string>;
  kinds: Record<DeliveryKind, MailWordsTemplate>;
}

/** A subject and a paragraph that differ only in the final full stop. */
function sentence(template: string): MailWordsTemplate {
  return { subject: template, paragraphs: [`${template}.`] };
}

export const EN_CATALOG: MailCatalog = {
  greeting: '{{#if firstName}}Hi {{firstName}},{{else}}Hello,{{/if}}',
  linkLabel: 'Open your coaching space',
  signature: 'The Coaching Platform team',
  and: 'and',
  ends: {
    soon: 'ends soon',
    today: 'ends today',
    tomorrow: 'ends tomorrow',
    days: 'ends in {{daysLeft}} days',
  },
  roles: {
    learner: 'learner',
    author: 'author',
    coach: 'coach',
    admin: 'group administrator',
    co_author: 'co-author',
    reviewer: 'reviewer',
    manager: 'manager',
  },
  kinds: {
    'assignment.created.mentee': {
      subject:
        '{{#if names}}Your coaching with {{names}} has started{{else}}Your coaching has started{{/if}}',
      paragraphs: [
        '{{#if names}}You have been assigned to {{names}} for coaching.{{else}}You have been assigned a coach.{{/if}}',
      ],
    },
    'assignment.created.coach': {
      subject: '{{#if names}}New mentee: {{names}}{{else}}You have a new mentee{{/if}}',
      paragraphs: [
        '{{#if names}}{{names}} has been assigned to you as a mentee.{{else}}A new mentee has been assigned to you.{{/if}}',
      ],
    },
    'assignment.ended.mentee': {
      subject: '{{#if names}}Your coaching with {{names}} has ended{{else}}Your coaching has ended{{/if}}',
      paragraphs: [
        '{{#if names}}Your coaching with {{names}} has ended.{{else}}Your coaching assignment has ended.{{/if}}',
      ],
    },
    'assignment.ended.coach': {
      subject:
        '{{#if names}}Your coaching of {{names}} has ended{{else}}A coaching assignment of yours has ended{{/if}}',
      paragraphs: [
        '{{#if names}}Your coaching assignment with {{names}} has ended.{{else}}One of your coaching assignments has ended.{{/if}}',
      ],
    },
    'assignment.transferred.mentee': {
      subject:
        '{{#if names}}Your coaching continues with {{names}}{{else}}Your coaching continues with a new coach{{/if}}',
      paragraphs: [
        '{{#if names}}Your coaching has been handed over: {{names}} will coach you from now on.{{else}}Your coaching has been handed over to a new coach.{{/if}}',
      ],
    },
    'assignment.transferred.coach': {
      subject: '{{#if names}}New mentee: {{names}}{{else}}You have a new mentee{{/if}}',
      paragraphs: [
        '{{#if names}}The coaching of {{names}} has been handed over to you.{{else}}A coaching assignment has been handed over to you.{{/if}}',
      ],
    },
    'assignment.transferred.previous-coach': {
      subject:
        '{{#if names}}Your coaching of {{names}} has been handed over{{else}}A coaching assignment of yours has been handed over{{/if}}',
      paragraphs: [
        '{{#if names}}The coaching of {{names}} has been handed over to another coach.{{else}}One of your coaching assignments has been handed over to another coach.{{/if}}',
      ],
    },
    'assignment.reactivated.mentee': {
      subject:
        '{{#if names}}Your coaching with {{names}} has resumed{{else}}Your coaching has resumed{{/if}}',
      paragraphs: [
        '{{#if names}}Your coaching with {{names}} has resumed.{{else}}Your coaching assignment has resumed.{{/if}}',
      ],
    },
    'assignment.reactivated.coach': {
      subject:
        '{{#if names}}Your coaching of {{names}} has resumed{{else}}A coaching assignment of yours has resumed{{/if}}',
      paragraphs: [
        '{{#if names}}Your coaching assignment with {{names}} has resumed.{{else}}One of your coaching assignments has resumed.{{/if}}',
      ],
    },
    'assignment.expiring.mentee': {
      subject: '{{#if names}}Your coaching with {{names}} {{ends}}{{else}}Your coaching {{ends}}{{/if}}',
      paragraphs: [
        '{{#if names}}Your coaching with {{names}} {{ends}}.{{else}}Your coaching assignment {{ends}}.{{/if}}',
      ],
    },
    'assignment.expiring.coach': {
      subject:
        '{{#if names}}Your coaching of {{names}} {{ends}}{{else}}A coaching assignment of yours {{ends}}{{/if}}',
      paragraphs: [
        '{{#if names}}Your coaching assignment with {{names}} {{ends}}.{{else}}One of your coaching assignments {{ends}}.{{/if}}',
      ],
    },
    'assignment.ended.coach-digest': {
      subject: '{{count}} of your coachings have ended',
      paragraphs: [
        '{{count}} of your coaching assignments have ended.',
        '{{#if names}}Among them, your coaching of {{names}}{{#if more}}, and {{more}} more{{/if}}.{{else}}You will find them in your coaching space.{{/if}}',
      ],
    },
    'assignment.created.coach-digest': {
      subject: '{{count}} new mentees have been assigned to you',
      paragraphs: [
        '{{count}} new mentees have been assigned to you.',
        '{{#if names}}Among them: {{names}}{{#if more}}, and {{more}} more{{/if}}.{{else}}You will find them all in your coaching space.{{/if}}',
      ],
    },
    'enrollment.enrolled.learner': {
      subject: '{{#if course}}You are enrolled in {{course}}{{else}}You are enrolled in a course{{/if}}',
      paragraphs: [
        '{{#if course}}You have been enrolled in the course {{course}}.{{else}}You have been enrolled in a course.{{/if}}',
      ],
      linkLabel: 'Open the course',
    },
    'enrollment.waiting.learner': {
      subject:
        '{{#if course}}Your enrollment in {{course}} is waiting for confirmation{{else}}Your enrollment is waiting for confirmation{{/if}}',
      paragraphs: [
        '{{#if course}}Your enrollment in the course {{course}} is waiting for a confirmation or a free seat.{{else}}Your enrollment in a course is waiting for a confirmation or a free seat.{{/if}}',
        'We will write to you again as soon as it is confirmed.',
      ],
      linkLabel: 'Open the course',
    },
    'enrollment.confirmed.learner': {
      subject:
        '{{#if course}}Your enrollment in {{course}} is confirmed{{else}}Your enrollment is confirmed{{/if}}',
      paragraphs: [
        '{{#if course}}Your enrollment in the course {{course}} has been confirmed: you can start.{{else}}Your enrollment in a course has been confirmed: you can start.{{/if}}',
      ],
      linkLabel: 'Open the course',
    },
    'course.reviewer-assigned': {
      subject: '{{#if course}}You are a reviewer of {{course}}{{else}}You are a reviewer of a course{{/if}}',
      paragraphs: [
        '{{#if course}}You have been made a reviewer of the course {{course}}: you can read it and send its authors your remarks.{{else}}You have been made a reviewer of a course: you can read it and send its authors your remarks.{{/if}}',
      ],
      linkLabel: 'Open the course',
    },
    'course-session.rescheduled.learner': {
      subject: 'A session of {{course}} has changed',
      paragraphs: [
        'A session of the course {{course}} you attend has changed.',
        'It is now held {{when}}{{#if place}}, at {{place}}{{/if}}{{#if online}}, online at {{online}}{{/if}}.',
        'It was to be held {{previousWhen}}{{#if previousPlace}}, at {{previousPlace}}{{/if}}{{#if previousOnline}}, online at {{previousOnline}}{{/if}}.',
      ],
      linkLabel: 'Open the course',
    },
    'course-session.cancelled.learner': {
      subject: 'A session of {{course}} has been cancelled',
      paragraphs: [
        'The session of the course {{course}} to be held {{when}}{{#if place}}, at {{place}}{{/if}}{{#if online}}, online at {{online}}{{/if}}, has been cancelled.',
      ],
      linkLabel: 'Open the course',
    },
    'course-session.reminder.learner': {
      subject: 'Reminder: your session of {{course}} is coming up',
      paragraphs: [
        'Your session of the course {{course}} is held {{when}}{{#if place}}, at {{place}}{{/if}}{{#if online}}, online at {{online}}{{/if}}.',
      ],
      linkLabel: 'Open the course',
    },
    'course-session.rescheduled.instructor': {
      subject: 'A session you teach in {{course}} has changed',
      paragraphs: [
        'A session of the course {{course}}, which you teach, has changed.',
        'It is now held {{when}}{{#if place}}, at {{place}}{{/if}}{{#if online}}, online at {{online}}{{/if}}.',
        'It was to be held {{previousWhen}}{{#if previousPlace}}, at {{previousPlace}}{{/if}}{{#if previousOnline}}, online at {{previousOnline}}{{/if}}.',
      ],
      linkLabel: 'Open the course',
    },
    'course-session.cancelled.instructor': {
      subject: 'A session you teach in {{course}} has been cancelled',
      paragraphs: [
        'The session of the course {{course}} you were to teach {{when}}{{#if place}}, at {{place}}{{/if}}{{#if online}}, online at {{online}}{{/if}}, has been cancelled.',
      ],
      linkLabel: 'Open the course',
    },
    'course-session.reminder.instructor': {
      subject: 'Reminder: you teach a session of {{course}} soon',
      paragraphs: [
        'You teach a session of the course {{course}} {{when}}{{#if place}}, at {{place}}{{/if}}{{#if online}}, online at {{online}}{{/if}}.',
      ],
      linkLabel: 'Open the course',
    },
    'import.finished': {
      subject:
        '{{#if failed}}Your import could not be read to its end{{else}}{{#if dryRun}}Your import check is done{{else}}Your import is done{{/if}}{{/if}}',
      paragraphs: [
        '{{#if failed}}The import{{#if file}} of {{file}}{{/if}} stopped after {{rowsRead}} rows: the file could not be read further.{{else}}{{#if dryRun}}The dry run{{#if file}} of {{file}}{{/if}} checked {{rowsRead}} rows; nothing was changed.{{else}}The import{{#if file}} of {{file}}{{/if}} applied {{rowsApplied}} of its {{rowsRead}} rows.{{/if}}{{/if}}',
        '{{#if rowsRejected}}{{rowsRejected}} rows were not applied: the report tells why, row by row.{{else}}Every row was valid.{{/if}}',
      ],
      linkLabel: 'Open the import',
    },
    'invitation.created': {
      subject: 'You are invited to join {{group}}',
      paragraphs: [
        '{{#if names}}{{names}} has invited you to join the group {{group}}.{{else}}You have been invited to join the group {{group}}.{{/if}}',
        'Roles offered: {{roles}}.',
        'Sign in to accept the invitation.',
      ],
      linkLabel: 'Accept the invitation',
    },
    'invitation.reminded': {
      subject: 'Reminder: you are invited to join {{group}}',
      paragraphs: [
        '{{#if names}}{{names}} has invited you to join the group {{group}}: the invitation is still open.{{else}}You have been invited to join the group {{group}}: the invitation is still open.{{/if}}',
        'Roles offered: {{roles}}.',
        'Sign in to accept the invitation.',
      ],
      linkLabel: 'Accept the invitation',
    },
  },
};

export const IT_CATALOG: MailCatalog = {
  greeting: '{{#if firstName}}Ciao {{firstName}},{{else}}Buongiorno,{{/if}}',
  linkLabel: 'Apri il tuo spazio di coaching',
  signature: 'Il team di Coaching Platform',
  and: 'e',
  ends: {
    soon: 'sta per terminare',
    today: 'termina oggi',
    tomorrow: 'termina domani',
    days: 'termina tra {{daysLeft}} giorni',
  },
  roles: {
    learner: 'studente',
    author: 'autore',
    coach: 'coach',
    admin: 'amministratore del gruppo',
    co_author: 'co-autore',
    reviewer: 'revisore',
    manager: 'manager',
  },
  kinds: {
    'assignment.created.mentee': {
      subject:
        '{{#if names}}Il tuo percorso di coaching con {{names}} è iniziato{{else}}Il tuo percorso di coaching è iniziato{{/if}}',
      paragraphs: [
        '{{#if names}}Il tuo percorso di coaching con {{names}} è iniziato.{{else}}Ti è stato assegnato un percorso di coaching.{{/if}}',
      ],
    },
    'assignment.created.coach': {
      subject:
        '{{#if names}}Nuova persona da seguire: {{names}}{{else}}Hai una nuova persona da seguire{{/if}}',
      paragraphs: [
        '{{#if names}}Ti è stata assegnata una nuova persona da seguire: {{names}}.{{else}}Ti è stata assegnata una nuova persona da seguire.{{/if}}',
      ],
    },
    'assignment.ended.mentee': sentence(
      '{{#if names}}Il tuo percorso di coaching con {{names}} è terminato{{else}}Il tuo percorso di coaching è terminato{{/if}}',
    ),
    'assignment.ended.coach': {
      subject:
        '{{#if names}}Il coaching di {{names}} è terminato{{else}}Un tuo incarico di coaching è terminato{{/if}}',
      paragraphs: [
        '{{#if names}}Il tuo incarico di coaching con {{names}} è terminato.{{else}}Uno dei tuoi incarichi di coaching è terminato.{{/if}}',
      ],
    },
    'assignment.transferred.mentee': {
      subject:
        '{{#if names}}Il tuo percorso di coaching prosegue con {{names}}{{else}}Il tuo percorso di coaching prosegue con un nuovo coach{{/if}}',
      paragraphs: [
        '{{#if names}}Il tuo percorso di coaching è stato affidato a {{names}}.{{else}}Il tuo percorso di coaching è stato affidato a un nuovo coach.{{/if}}',
      ],
    },
    'assignment.transferred.coach': {
      subject:
        '{{#if names}}Nuova persona da seguire: {{names}}{{else}}Hai una nuova persona da seguire{{/if}}',
      paragraphs: [
        '{{#if names}}Ti è stato affidato il coaching di {{names}}.{{else}}Ti è stato affidato un incarico di coaching.{{/if}}',
      ],
    },
    'assignment.transferred.previous-coach': {
      subject:
        '{{#if names}}Il coaching di {{names}} è stato affidato a un altro coach{{else}}Un tuo incarico di coaching è stato affidato a un altro coach{{/if}}',
      paragraphs: [
        '{{#if names}}Il coaching di {{names}} è stato affidato a un altro coach.{{else}}Uno dei tuoi incarichi di coaching è stato affidato a un altro coach.{{/if}}',
      ],
    },
    'assignment.reactivated.mentee': sentence(
      '{{#if names}}Il tuo percorso di coaching con {{names}} è ripreso{{else}}Il tuo percorso di coaching è ripreso{{/if}}',
    ),
    'assignment.reactivated.coach': {
      subject:
        '{{#if names}}Il coaching di {{names}} è ripreso{{else}}Un tuo incarico di coaching è ripreso{{/if}}',
      paragraphs: [
        '{{#if names}}Il tuo incarico di coaching con {{names}} è ripreso.{{else}}Uno dei tuoi incarichi di coaching è ripreso.{{/if}}',
      ],
    },
    'assignment.expiring.mentee': sentence(
      '{{#if names}}Il tuo percorso di coaching con {{names}} {{ends}}{{else}}Il tuo percorso di coaching {{ends}}{{/if}}',
    ),
    'assignment.expiring.coach': {
      subject:
        '{{#if names}}Il coaching di {{names}} {{ends}}{{else}}Un tuo incarico di coaching {{ends}}{{/if}}',
      paragraphs: [
        '{{#if names}}Il tuo incarico di coaching con {{names}} {{ends}}.{{else}}Uno dei tuoi incarichi di coaching {{ends}}.{{/if}}',
      ],
    },
    'assignment.ended.coach-digest': {
      subject: '{{count}} tuoi incarichi di coaching sono terminati',
      paragraphs: [
        '{{count}} tuoi incarichi di coaching sono terminati.',
        '{{#if names}}Tra questi, il coaching di {{names}}{{#if more}}, e altri {{more}}{{/if}}.{{else}}Li trovi nel tuo spazio di coaching.{{/if}}',
      ],
    },
    'assignment.created.coach-digest': {
      subject: 'Ti sono stati assegnati {{count}} nuovi mentee',
      paragraphs: [
        'Ti sono stati assegnati {{count}} nuovi mentee.',
        '{{#if names}}Tra loro: {{names}}{{#if more}}, e altri {{more}}{{/if}}.{{else}}Li trovi tutti nel tuo spazio di coaching.{{/if}}',
      ],
    },
    'enrollment.enrolled.learner': {
      subject: '{{#if course}}Sei iscritto al corso {{course}}{{else}}Sei iscritto a un corso{{/if}}',
      paragraphs: [
        '{{#if course}}Sei stato iscritto al corso {{course}}.{{else}}Sei stato iscritto a un corso.{{/if}}',
      ],
      linkLabel: 'Apri il corso',
    },
    'enrollment.waiting.learner': {
      subject:
        '{{#if course}}La tua iscrizione al corso {{course}} è in attesa di conferma{{else}}La tua iscrizione è in attesa di conferma{{/if}}',
      paragraphs: [
        '{{#if course}}La tua iscrizione al corso {{course}} è in attesa di una conferma o di un posto libero.{{else}}La tua iscrizione a un corso è in attesa di una conferma o di un posto libero.{{/if}}',
        'Ti scriveremo di nuovo non appena sarà confermata.',
      ],
      linkLabel: 'Apri il corso',
    },
    'enrollment.confirmed.learner': {
      subject:
        '{{#if course}}La tua iscrizione al corso {{course}} è confermata{{else}}La tua iscrizione è confermata{{/if}}',
      paragraphs: [
        '{{#if course}}La tua iscrizione al corso {{course}} è stata confermata: puoi iniziare.{{else}}La tua iscrizione a un corso è stata confermata: puoi iniziare.{{/if}}',
      ],
      linkLabel: 'Apri il corso',
    },
    'course.reviewer-assigned': {
      subject: '{{#if course}}Sei revisore del corso {{course}}{{else}}Sei revisore di un corso{{/if}}',
      paragraphs: [
        '{{#if course}}Sei stato nominato revisore del corso {{course}}: puoi leggerlo e inviare le tue osservazioni ai suoi autori.{{else}}Sei stato nominato revisore di un corso: puoi leggerlo e inviare le tue osservazioni ai suoi autori.{{/if}}',
      ],
      linkLabel: 'Apri il corso',
    },
    'course-session.rescheduled.learner': {
      subject: 'Una sessione del corso {{course}} è cambiata',
      paragraphs: [
        'Una sessione del corso {{course}} a cui partecipi è cambiata.',
        'Ora si tiene {{when}}{{#if place}}, presso {{place}}{{/if}}{{#if online}}, online su {{online}}{{/if}}.',
        'Era prevista {{previousWhen}}{{#if previousPlace}}, presso {{previousPlace}}{{/if}}{{#if previousOnline}}, online su {{previousOnline}}{{/if}}.',
      ],
      linkLabel: 'Apri il corso',
    },
    'course-session.cancelled.learner': {
      subject: 'Una sessione del corso {{course}} è stata annullata',
      paragraphs: [
        'La sessione del corso {{course}} prevista {{when}}{{#if place}}, presso {{place}}{{/if}}{{#if online}}, online su {{online}}{{/if}}, è stata annullata.',
      ],
      linkLabel: 'Apri il corso',
    },
    'course-session.reminder.learner': {
      subject: 'Promemoria: la tua sessione del corso {{course}} si avvicina',
      paragraphs: [
        'La tua sessione del corso {{course}} si tiene {{when}}{{#if place}}, presso {{place}}{{/if}}{{#if online}}, online su {{online}}{{/if}}.',
      ],
      linkLabel: 'Apri il corso',
    },
    'course-session.rescheduled.instructor': {
      subject: 'Una sessione che tieni nel corso {{course}} è cambiata',
      paragraphs: [
        'Una sessione del corso {{course}}, di cui sei docente, è cambiata.',
        'Ora si tiene {{when}}{{#if place}}, presso {{place}}{{/if}}{{#if online}}, online su {{online}}{{/if}}.',
        'Era prevista {{previousWhen}}{{#if previousPlace}}, presso {{previousPlace}}{{/if}}{{#if previousOnline}}, online su {{previousOnline}}{{/if}}.',
      ],
      linkLabel: 'Apri il corso',
    },
    'course-session.cancelled.instructor': {
      subject: 'Una sessione che tieni nel corso {{course}} è stata annullata',
      paragraphs: [
        'La sessione del corso {{course}} che dovevi tenere {{when}}{{#if place}}, presso {{place}}{{/if}}{{#if online}}, online su {{online}}{{/if}}, è stata annullata.',
      ],
      linkLabel: 'Apri il corso',
    },
    'course-session.reminder.instructor': {
      subject: 'Promemoria: tieni a breve una sessione del corso {{course}}',
      paragraphs: [
        'Tieni una sessione del corso {{course}} {{when}}{{#if place}}, presso {{place}}{{/if}}{{#if online}}, online su {{online}}{{/if}}.',
      ],
      linkLabel: 'Apri il corso',
    },
    'import.finished': {
      subject:
        '{{#if failed}}Non è stato possibile leggere la tua importazione fino alla fine{{else}}{{#if dryRun}}La verifica della tua importazione è terminata{{else}}La tua importazione è terminata{{/if}}{{/if}}',
      paragraphs: [
        "{{#if failed}}L'importazione{{#if file}} di {{file}}{{/if}} si è fermata dopo {{rowsRead}} righe: non è stato possibile leggere oltre il file.{{else}}{{#if dryRun}}La simulazione{{#if file}} di {{file}}{{/if}} ha verificato {{rowsRead}} righe; non è stato modificato nulla.{{else}}L'importazione{{#if file}} di {{file}}{{/if}} ha applicato {{rowsApplied}} delle sue {{rowsRead}} righe.{{/if}}{{/if}}",
        '{{#if rowsRejected}}{{rowsRejected}} righe non sono state applicate: il report ne indica il motivo, riga per riga.{{else}}Tutte le righe erano valide.{{/if}}',
      ],
      linkLabel: "Apri l'importazione",
    },
    'invitation.created': {
      subject: 'Sei invitato a unirti al gruppo {{group}}',
      paragraphs: [
        '{{#if names}}{{names}} ti ha invitato a unirti al gruppo {{group}}.{{else}}Sei stato invitato a unirti al gruppo {{group}}.{{/if}}',
        'Ruoli proposti: {{roles}}.',
        "Accedi per accettare l'invito.",
      ],
      linkLabel: "Accetta l'invito",
    },
    'invitation.reminded': {
      subject: 'Promemoria: sei invitato a unirti al gruppo {{group}}',
      paragraphs: [
        "{{#if names}}{{names}} ti ha invitato a unirti al gruppo {{group}}: l'invito è ancora valido.{{else}}Sei stato invitato a unirti al gruppo {{group}}: l'invito è ancora valido.{{/if}}",
        'Ruoli proposti: {{roles}}.',
        "Accedi per accettare l'invito.",
      ],
      linkLabel: "Accetta l'invito",
    },
  },
};

export const SUPPORTED_LOCALES = { en: EN_CATALOG, it: IT_CATALOG } as const;
export type SupportedLocale = keyof typeof SUPPORTED_LOCALES;
