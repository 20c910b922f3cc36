import { newEnrollment, ENROLLMENT_STATES, type Enrollment, type EnrollmentState } from './enrollment';
import {
  checkAttendanceMark,
  markAttendance,
  type AttendanceMark,
  type AttendanceOutcome,
} from './enrollment-attendance';
import { openCourse } from './enrollment-progress';

const CREATED = new Date('2026-03-02T09:00:00.000Z');
const OPENED = new Date('2026-03-05T09:00:00.000Z');
const STARTS = new Date('2026-04-01T09:00:00.000Z');
const NOW = new Date('2026-04-01T12:00:00.000Z');
const LATER = new Date('2026-04-02T09:00:00.000Z');
const CONTEXT = { markedBy: 'teacher', sessionStartsAt: STARTS, now: NOW };

const ATTENDED: AttendanceMark = { attendance: 'attended', grade: null, note: null };
const ABSENT: AttendanceMark = { attendance: 'absent', grade: null, note: null };

/** An instructor-led enrollment in `state`, opened by its learner when `opened`. */
function ilt(state: EnrollmentState, opened = false): Enrollment {
  return {
    ...newEnrollment(
      { tenantId: 't', courseId: 'c', userId: 'u', courseKind: 'ilt', sessionId: 's', state },
      { id: 'e', now: CREATED },
    ),
    firstAccessedAt: opened ? OPENED : null,
  };
}

function marked(outcome: AttendanceOutcome): Enrollment {
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal}`);
  return outcome.enrollment;
}

describe('markAttendance (LE-C2, LE-E1: an instructor-led course is completed by its attended session)', () => {
  it.each<[EnrollmentState, boolean, 'attended' | 'absent', EnrollmentState | string]>([
    ['enrolled', false, 'attended', 'completed'],
    ['enrolled', false, 'absent', 'enrolled'],
    ['in_progress', true, 'attended', 'completed'],
    ['in_progress', true, 'absent', 'in_progress'],
    ['completed', true, 'attended', 'completed'],
    ['completed', true, 'absent', 'in_progress'],
    ['completed', false, 'attended', 'completed'],
    ['completed', false, 'absent', 'enrolled'],
    ['waiting', false, 'attended', 'refused: cannot_attend'],
    ['waiting', false, 'absent', 'refused: cannot_attend'],
    ['to_be_confirmed', true, 'attended', 'refused: cannot_attend'],
    ['to_be_confirmed', true, 'absent', 'refused: cannot_attend'],
    ['suspended', true, 'attended', 'refused: cannot_attend'],
    ['suspended', true, 'absent', 'refused: cannot_attend'],
    ['overbooking', false, 'attended', 'refused: cannot_attend'],
    ['overbooking', false, 'absent', 'refused: cannot_attend'],
  ])(
    'given an instructor-led learner %s (opened by itself: %s), when marked %s, then it is %s',
    (state, opened, attendance, expected) => {
      const before = ilt(state, opened);
      const outcome = markAttendance(before, { attendance, grade: null, note: null }, CONTEXT);

      if (!outcome.ok) {
        expect(`refused: ${outcome.refusal}`).toBe(expected);
        return;
      }
      expect(outcome).toMatchObject({ changed: true, previousState: state });
      expect(outcome.enrollment).toEqual({
        ...before,
        state: expected,
        // An attended session is an access; an absence records none.
        firstAccessedAt: opened ? OPENED : attendance === 'attended' ? NOW : null,
        firstAccessByAttendance: !opened && attendance === 'attended',
        attendance,
        attendanceMarkedAt: NOW,
        attendanceMarkedBy: 'teacher',
        grade: null,
        note: null,
        updatedAt: NOW,
        version: 2,
      });
    },
  );

  it('given an e-learning enrollment in any state, then attendance is refused: it has no sessions', () => {
    for (const state of ENROLLMENT_STATES) {
      const elearning: Enrollment = { ...ilt(state), courseKind: 'elearning', sessionId: null };
      for (const mark of [ATTENDED, ABSENT])
        expect(markAttendance(elearning, mark, CONTEXT)).toEqual({ ok: false, refusal: 'not_ilt' });
    }
  });

  it('given a session that has not started yet, then attendance is refused until its start, from which it is marked', () => {
    const before = { ...CONTEXT, now: new Date(STARTS.getTime() - 1) };
    expect(markAttendance(ilt('enrolled'), ATTENDED, before)).toEqual({
      ok: false,
      refusal: 'session_not_started',
    });
    expect(markAttendance(ilt('enrolled'), ABSENT, before)).toEqual({
      ok: false,
      refusal: 'session_not_started',
    });
    expect(markAttendance(ilt('enrolled'), ATTENDED, { ...CONTEXT, now: STARTS })).toMatchObject({
      ok: true,
      enrollment: { state: 'completed' },
    });
  });

  it('given a session that is gone, then attendance is refused', () => {
    expect(markAttendance(ilt('enrolled'), ATTENDED, { ...CONTEXT, sessionStartsAt: null })).toEqual({
      ok: false,
      refusal: 'no_session',
    });
  });

  it('given the same mark again, then nothing changes: no new version', () => {
    const once = marked(markAttendance(ilt('enrolled'), { ...ATTENDED, grade: 80 }, CONTEXT));
    const again = markAttendance(once, { ...ATTENDED, grade: 80 }, { ...CONTEXT, now: LATER });
    expect(again).toEqual({ ok: true, changed: false, previousState: 'completed', enrollment: once });
  });

  it('given an attended learner, when its grade and note change, then it is one version more, still completed', () => {
    const once = marked(markAttendance(ilt('enrolled'), ATTENDED, CONTEXT));
    const graded = marked(
      markAttendance(once, { ...ATTENDED, grade: 95, note: 'Led the role play' }, { ...CONTEXT, now: LATER }),
    );
    expect(graded).toEqual({
      ...once,
      grade: 95,
      note: 'Led the role play',
      attendanceMarkedAt: LATER,
      updatedAt: LATER,
      version: 3,
    });
  });

  it('given a learner marked attended by mistake, when corrected to absent, then it is back as before: not started, no access', () => {
    const before = ilt('enrolled');
    const attended = marked(markAttendance(before, ATTENDED, CONTEXT));
    const corrected = marked(markAttendance(attended, ABSENT, { ...CONTEXT, now: LATER }));
    expect(corrected).toEqual({
      ...before,
      attendance: 'absent',
      attendanceMarkedAt: LATER,
      attendanceMarkedBy: 'teacher',
      updatedAt: LATER,
      version: 3,
    });
  });

  it('given a learner who opened the course, when attended then corrected to absent, then it is in progress with its own first access', () => {
    const corrected = marked(
      markAttendance(marked(markAttendance(ilt('in_progress', true), ATTENDED, CONTEXT)), ABSENT, CONTEXT),
    );
    expect(corrected).toMatchObject({ state: 'in_progress', firstAccessedAt: OPENED, version: 3 });
  });

  it('given a learner completed by its attendance only, when it opens the course later, then that is its first opening (LE-E4), and it stays completed', () => {
    const attended = marked(markAttendance(ilt('enrolled'), ATTENDED, CONTEXT));
    expect(openCourse(attended, LATER)).toEqual({
      ok: true,
      changed: true,
      firstAccess: true,
      previousState: 'completed',
      enrollment: { ...attended, firstAccessByAttendance: false, updatedAt: LATER, version: 3 },
    });
  });
});

describe('checkAttendanceMark', () => {
  it('given a whole grade from 0 to 100 and a short note, then the mark is kept with its note trimmed, an empty note none', () => {
    expect(checkAttendanceMark({ attended: true, grade: 0, note: '  Good  ' })).toEqual({
      ok: true,
      mark: { attendance: 'attended', grade: 0, note: 'Good' },
    });
    expect(checkAttendanceMark({ attended: false, grade: 100, note: '   ' })).toEqual({
      ok: true,
      mark: { attendance: 'absent', grade: 100, note: null },
    });
    expect(checkAttendanceMark({ attended: true, grade: null, note: 'x'.repeat(500) })).toMatchObject({
      ok: true,
    });
  });

  it.each([
    [{ grade: -1, note: null }, 'grade is a whole number from 0 to 100'],
    [{ grade: 101, note: null }, 'grade is a whole number from 0 to 100'],
    [{ grade: 7.5, note: null }, 'grade is a whole number from 0 to 100'],
    [{ grade: null, note: 'x'.repeat(501) }, 'note holds at most 500 characters'],
  ])('given %o, then it is refused: %s', (input, reason) => {
    expect(checkAttendanceMark({ attended: true, ...input })).toEqual({ ok: false, reason });
  });
});
