import { DELIVERY_KINDS } from '../delivery';
import {
  displayZone,
  mailLink,
  renderMail,
  resolveLocale,
  sessionTime,
  type MailTemplateInput,
} from './render-mail';

describe('renderMail', () => {
  const link = 'https://app.example.test/coaching/assignments/a-1';
  const input = (overrides: Partial<MailTemplateInput> = {}): MailTemplateInput => ({
    kind: 'assignment.created.mentee',
    locale: 'en',
    recipientFirstName: 'Bruno',
    counterparts: [
      { firstName: 'Ada', lastName: 'Lovelace' },
      { firstName: 'Alan', lastName: 'Turing' },
    ],
    link,
    ...overrides,
  });

  it('greets the mentee by first name and names the coaches, in English', () => {
    const mail = renderMail(input());

    expect(mail.subject).toBe('Your coaching with Ada Lovelace and Alan Turing has started');
    expect(mail.text).toBe(
      [
        'Hi Bruno,',
        'You have been assigned to Ada Lovelace and Alan Turing for coaching.',
        `Open your coaching space: ${link}`,
        'The Coaching Platform team',
      ].join('\n\n') + '\n',
    );
    expect(mail.html).toContain('<p>Hi Bruno,</p>');
    expect(mail.html).toContain(`<a href="${link}">Open your coaching space</a>`);
  });

  it('tells the mentee and the coach how many days are left before the end, in both languages', () => {
    const mentee = renderMail(input({ kind: 'assignment.expiring.mentee', daysLeft: 5 }));
    const coachIt = renderMail(
      input({
        kind: 'assignment.expiring.coach',
        locale: 'it',
        counterparts: [{ firstName: 'Bruno', lastName: 'Rossi' }],
        daysLeft: 1,
      }),
    );
    const today = renderMail(input({ kind: 'assignment.expiring.mentee', daysLeft: 0, counterparts: null }));

    expect(mentee.subject).toBe('Your coaching with Ada Lovelace and Alan Turing ends in 5 days');
    expect(coachIt.subject).toBe('Il coaching di Bruno Rossi termina domani');
    expect(today.subject).toBe('Your coaching ends today');
  });

  it('tells the previous coach that the coaching was handed over, and the mentee who coaches it now', () => {
    const previous = renderMail(
      input({
        kind: 'assignment.transferred.previous-coach',
        counterparts: [{ firstName: 'Bruno', lastName: 'Rossi' }],
      }),
    );
    const mentee = renderMail(input({ kind: 'assignment.transferred.mentee', locale: 'it' }));

    expect(previous.subject).toBe('Your coaching of Bruno Rossi has been handed over');
    expect(mentee.text).toContain(
      'Il tuo percorso di coaching è stato affidato a Ada Lovelace e Alan Turing.',
    );
  });

  it('writes Italian for an Italian recipient', () => {
    const mail = renderMail(input({ locale: 'it-IT' }));

    expect(mail.locale).toBe('it');
    expect(mail.subject).toBe('Il tuo percorso di coaching con Ada Lovelace e Alan Turing è iniziato');
    expect(mail.text).toContain('Ciao Bruno,');
    expect(mail.text).toContain(`Apri il tuo spazio di coaching: ${link}`);
    expect(mail.html).toContain('<html lang="it">');
  });

  it('names the mentee in the coach mail', () => {
    const counterparts = [{ firstName: 'Bruno', lastName: 'Rossi' }];
    const en = renderMail(
      input({ kind: 'assignment.created.coach', recipientFirstName: 'Ada', counterparts }),
    );
    const it = renderMail(
      input({ kind: 'assignment.ended.coach', recipientFirstName: 'Ada', counterparts, locale: 'it' }),
    );

    expect(en.subject).toBe('New mentee: Bruno Rossi');
    expect(en.text).toContain('Bruno Rossi has been assigned to you as a mentee.');
    expect(it.subject).toBe('Il coaching di Bruno Rossi è terminato');
  });

  it('falls back to English for a locale without templates', () => {
    expect(renderMail(input({ locale: 'de' })).subject).toBe(
      'Your coaching with Ada Lovelace and Alan Turing has started',
    );
    expect(resolveLocale('EN_gb')).toBe('en');
    expect(resolveLocale('it_IT')).toBe('it');
    expect(resolveLocale('')).toBe('en');
  });

  it('uses a neutral wording when the other party is not known', () => {
    expect(renderMail(input({ counterparts: null })).subject).toBe('Your coaching has started');
    expect(renderMail(input({ counterparts: null, locale: 'it' })).subject).toBe(
      'Il tuo percorso di coaching è iniziato',
    );
    expect(renderMail(input({ kind: 'assignment.created.coach', counterparts: null })).text).toContain(
      'A new mentee has been assigned to you.',
    );
  });

  it('escapes names in the HTML part and keeps them on one line in the subject', () => {
    const mail = renderMail(
      input({
        recipientFirstName: '<b>Bruno</b>',
        counterparts: [{ firstName: 'Ada "the\r\nBcc: x@evil.test', lastName: "O'Brien & <script>" }],
      }),
    );

    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('&lt;b&gt;Bruno&lt;/b&gt;');
    expect(mail.html).toContain('O&#x27;Brien &amp; &lt;script&gt;');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).toContain('Hi <b>Bruno</b>,');
  });

  it('never reads a name as a template: a name that looks like one is printed as it is', () => {
    const mail = renderMail(
      input({
        recipientFirstName: '{{signature}}',
        counterparts: [{ firstName: '{{#each x}}', lastName: '}}' }],
      }),
    );

    expect(mail.text).toContain('Hi {{signature}},');
    expect(mail.subject).toBe('Your coaching with {{#each x}} }} has started');
  });

  it('has a subject, text and HTML for every kind in both locales, with and without names or a course', () => {
    const slot = {
      startsAt: new Date('2027-01-15T08:00:00.000Z'),
      endsAt: new Date('2027-01-15T16:00:00.000Z'),
      place: 'Room 4',
      link: null,
    };
    for (const kind of DELIVERY_KINDS) {
      const aboutASession = kind.startsWith('course-session.');
      const aboutACourse = kind.startsWith('enrollment.') || kind.startsWith('course.') || aboutASession;
      // An import's mail names no one and no course: its words are its counts (tested on their own).
      const aboutAnImport = kind.startsWith('import.');
      for (const locale of ['en', 'it']) {
        // A session's mail always knows its course: the session events carry its title.
        for (const known of aboutASession ? [true] : [false, true]) {
          const mail = renderMail(
            input({
              kind,
              locale,
              counterparts: known && !aboutACourse ? [{ firstName: 'Ada', lastName: 'Lovelace' }] : null,
              course: known ? 'Leadership <101>' : null,
              count: 3,
              session: aboutASession ? { slot, previous: slot } : null,
            }),
          );
          if (aboutASession) expect(mail.text).toContain('Room 4');
          expect(mail.subject.length).toBeGreaterThan(5);
          expect(mail.text).toContain(link);
          expect(mail.html).toContain(`href="${link}"`);
          if (known && !aboutAnImport)
            expect(mail.text).toContain(aboutACourse ? 'Leadership <101>' : 'Ada Lovelace');
          if (known && aboutACourse) expect(mail.html).toContain('Leadership &lt;101&gt;');
        }
      }
    }
  });

  it('tells a learner in its language about its enrollment in a course, and links to the course', () => {
    const enrolled = renderMail(
      input({ kind: 'enrollment.enrolled.learner', course: 'Negotiation', counterparts: null, locale: 'it' }),
    );
    const confirmed = renderMail(
      input({ kind: 'enrollment.confirmed.learner', course: 'Negotiation', counterparts: null }),
    );
    const unknown = renderMail(
      input({ kind: 'enrollment.waiting.learner', course: null, counterparts: null }),
    );

    expect(enrolled.subject).toBe('Sei iscritto al corso Negotiation');
    expect(enrolled.text).toContain('Apri il corso:');
    expect(confirmed.subject).toBe('Your enrollment in Negotiation is confirmed');
    expect(confirmed.html).toContain('>Open the course</a>');
    expect(unknown.subject).toBe('Your enrollment is waiting for confirmation');
    expect(
      mailLink('https://app.example.test', {
        enrollment: {
          enrollmentId: 'e',
          courseId: 'c/1',
          courseTitle: null,
          sessionId: null,
          state: 'enrolled',
        },
      }),
    ).toBe('https://app.example.test/learning/courses/c%2F1');
  });

  it('builds links under the app address: the assignment, or the mentees for a digest', () => {
    const assignment = {
      assignmentId: 'a/1',
      menteeId: 'm',
      coachIds: [],
      origin: 'individual' as const,
      groupAssignmentId: null,
      groupId: null,
      startDate: '2026-03-02',
      endDate: null,
      endedAt: null,
      endReason: null,
    };
    expect(mailLink('http://127.0.0.1:3000/', assignment)).toBe(
      'http://127.0.0.1:3000/coaching/assignments/a%2F1',
    );
    expect(mailLink('http://127.0.0.1:3000', { digest: { count: 3, menteeIds: [] } })).toBe(
      'http://127.0.0.1:3000/coaching/mentees',
    );
  });

  it("gives a coach's digest its count in both languages, the first names, and how many it does not name", () => {
    const names = [
      { firstName: 'Ada', lastName: 'Lovelace' },
      { firstName: 'Alan', lastName: 'Turing' },
    ];
    const en = renderMail(input({ kind: 'assignment.created.coach-digest', counterparts: names, count: 12 }));
    const it = renderMail(
      input({ kind: 'assignment.created.coach-digest', counterparts: names, count: 2, locale: 'it' }),
    );
    const unnamed = renderMail(
      input({ kind: 'assignment.created.coach-digest', counterparts: null, count: 7 }),
    );

    expect(en.subject).toBe('12 new mentees have been assigned to you');
    expect(en.text).toContain('Among them: Ada Lovelace and Alan Turing, and 10 more.');
    expect(it.subject).toBe('Ti sono stati assegnati 2 nuovi mentee');
    expect(it.text).toContain('Tra loro: Ada Lovelace e Alan Turing.');
    expect(unnamed.text).toContain('You will find them all in your coaching space.');
  });

  describe('mails about a session', () => {
    const courseLink = 'https://app.example.test/learning/courses/course-1';
    const moved = {
      startsAt: new Date('2027-01-16T08:00:00.000Z'),
      endsAt: new Date('2027-01-16T16:00:00.000Z'),
      place: 'Milan office, room 4',
      link: null,
    };
    const before = {
      startsAt: new Date('2027-01-15T08:00:00.000Z'),
      endsAt: new Date('2027-01-15T16:00:00.000Z'),
      place: null,
      link: 'https://meet.example.com/n',
    };
    const sessionInput = (overrides: Partial<MailTemplateInput> = {}): MailTemplateInput =>
      input({
        kind: 'course-session.rescheduled.learner',
        counterparts: [],
        link: courseLink,
        course: 'Negotiation',
        session: { slot: moved, previous: before },
        timezone: 'Europe/Rome',
        ...overrides,
      });

    it('tells a learner in English the new and the old time and place of a moved session, in its time zone, named', () => {
      const mail = renderMail(sessionInput());

      expect(mail.subject).toBe('A session of Negotiation has changed');
      expect(mail.text).toBe(
        [
          'Hi Bruno,',
          'A session of the course Negotiation you attend has changed.',
          'It is now held Saturday, January 16, 2027, 09:00–17:00 (Europe/Rome), at Milan office, room 4.',
          'It was to be held Friday, January 15, 2027, 09:00–17:00 (Europe/Rome), online at https://meet.example.com/n.',
          `Open the course: ${courseLink}`,
          'The Coaching Platform team',
        ].join('\n\n') + '\n',
      );
      expect(mail.html).toContain(`<a href="${courseLink}">Open the course</a>`);
    });

    it('tells a learner in Italian that its session moved, was cancelled, or starts soon', () => {
      const it = { locale: 'it-IT' };
      const rescheduled = renderMail(sessionInput(it));
      const cancelled = renderMail(
        sessionInput({
          ...it,
          kind: 'course-session.cancelled.learner',
          session: { slot: before, previous: null },
        }),
      );
      const reminder = renderMail(
        sessionInput({
          ...it,
          kind: 'course-session.reminder.learner',
          session: { slot: moved, previous: null },
        }),
      );

      expect(rescheduled.subject).toBe('Una sessione del corso Negotiation è cambiata');
      expect(rescheduled.text).toContain(
        'Ora si tiene sabato 16 gennaio 2027, 09:00–17:00 (Europe/Rome), presso Milan office, room 4.',
      );
      expect(rescheduled.text).toContain(
        'Era prevista venerdì 15 gennaio 2027, 09:00–17:00 (Europe/Rome), online su https://meet.example.com/n.',
      );
      expect(cancelled.subject).toBe('Una sessione del corso Negotiation è stata annullata');
      expect(cancelled.text).toContain(
        'La sessione del corso Negotiation prevista venerdì 15 gennaio 2027, 09:00–17:00 (Europe/Rome), online su https://meet.example.com/n, è stata annullata.',
      );
      expect(reminder.subject).toBe('Promemoria: la tua sessione del corso Negotiation si avvicina');
      expect(reminder.text).toContain('Ciao Bruno,');
      expect(reminder.text).toContain('Apri il corso: ' + courseLink);
    });

    it('shows the times in UTC, named, when the time zone is unknown or not one, and both days of a session over midnight', () => {
      expect(displayZone(null)).toBe('UTC');
      expect(displayZone('Not/AZone')).toBe('UTC');
      const reminder = renderMail(
        sessionInput({
          kind: 'course-session.reminder.learner',
          timezone: null,
          session: { slot: moved, previous: null },
        }),
      );
      expect(reminder.subject).toBe('Reminder: your session of Negotiation is coming up');
      expect(reminder.text).toContain(
        'Your session of the course Negotiation is held Saturday, January 16, 2027, 08:00–16:00 (UTC), at Milan office, room 4.',
      );
      expect(
        sessionTime(
          { startsAt: new Date('2027-01-16T22:00:00.000Z'), endsAt: new Date('2027-01-17T01:00:00.000Z') },
          'en',
          'UTC',
        ),
      ).toBe('Saturday, January 16, 2027, 22:00 – Sunday, January 17, 2027, 01:00 (UTC)');
    });

    it('escapes the course, the place and the link in the HTML part', () => {
      const mail = renderMail(
        sessionInput({
          course: 'Sales <b>&</b>',
          session: {
            slot: { ...moved, place: 'Room "4" <script>x</script>', link: 'https://x.test/?a=1&b=<i>' },
            previous: before,
          },
        }),
      );

      expect(mail.html).not.toContain('<script>');
      expect(mail.html).not.toContain('<b>&</b>');
      expect(mail.html).toContain('Sales &lt;b&gt;&amp;&lt;/b&gt;');
      expect(mail.html).toContain('Room &quot;4&quot; &lt;script&gt;x&lt;/script&gt;');
      expect(mail.html).toContain('https://x.test/?a&#x3D;1&amp;b&#x3D;&lt;i&gt;');
      expect(mail.text).toContain('Room "4" <script>x</script>');
    });

    it('links a mail about a session to its course', () => {
      expect(
        mailLink('https://app.example.test/', {
          courseSession: {
            sessionId: 's-1',
            courseId: 'course 1',
            courseTitle: 'X',
            ...moved,
            previous: null,
          },
        }),
      ).toBe('https://app.example.test/learning/courses/course%201');
    });
  });
});
