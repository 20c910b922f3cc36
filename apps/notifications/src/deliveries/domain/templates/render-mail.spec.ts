import { DELIVERY_KINDS } from '../delivery';
import { mailLink, renderMail, resolveLocale, type MailTemplateInput } from './render-mail';

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
    for (const kind of DELIVERY_KINDS) {
      const aboutACourse = kind.startsWith('enrollment.') || kind.startsWith('course.');
      for (const locale of ['en', 'it']) {
        for (const known of [false, true]) {
          const mail = renderMail(
            input({
              kind,
              locale,
              counterparts: known && !aboutACourse ? [{ firstName: 'Ada', lastName: 'Lovelace' }] : null,
              course: known ? 'Leadership <101>' : null,
              count: 3,
            }),
          );
          expect(mail.subject.length).toBeGreaterThan(5);
          expect(mail.text).toContain(link);
          expect(mail.html).toContain(`href="${link}"`);
          if (known) expect(mail.text).toContain(aboutACourse ? 'Leadership <101>' : 'Ada Lovelace');
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
});
