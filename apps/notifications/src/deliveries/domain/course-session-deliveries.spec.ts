import {
  planCourseSessionDeliveries,
  planSessionReminders,
  reminderSourceOf,
  type CourseSessionEventFacts,
} from './course-session-deliveries';

const NOW = new Date('2027-01-10T09:00:00.000Z');
const SESSION = {
  sessionId: 'session-1',
  courseId: 'course-1',
  courseTitle: 'Negotiation',
  startsAt: new Date('2027-01-16T08:00:00.000Z'),
  endsAt: new Date('2027-01-16T16:00:00.000Z'),
  place: 'Room 4',
  link: null,
};
const BEFORE = {
  ...SESSION,
  startsAt: new Date('2027-01-15T08:00:00.000Z'),
  endsAt: new Date('2027-01-15T16:00:00.000Z'),
};

function event(overrides: Partial<CourseSessionEventFacts> = {}): CourseSessionEventFacts {
  return {
    eventId: '0190a1b2-0000-7000-8000-000000000001',
    tenantId: 'tenant-1',
    type: 'course-session.rescheduled',
    version: 2,
    session: SESSION,
    previous: { startsAt: BEFORE.startsAt, endsAt: BEFORE.endsAt, place: BEFORE.place, link: BEFORE.link },
    attendeeIds: ['ada', 'bea', 'ada'],
    instructorIds: [],
    ...overrides,
  };
}

describe('mails about sessions', () => {
  it('given a session moved, then each learner attending it gets one mail with the new and the old time and place', () => {
    const planned = planCourseSessionDeliveries(event(), NOW);

    expect(planned.map((d) => [d.recipientId, d.kind, d.sourceType])).toEqual([
      ['ada', 'course-session.rescheduled.learner', 'course-session.rescheduled'],
      ['bea', 'course-session.rescheduled.learner', 'course-session.rescheduled'],
    ]);
    expect(planned[0]?.context).toEqual({
      courseSession: {
        ...SESSION,
        previous: { startsAt: BEFORE.startsAt, endsAt: BEFORE.endsAt, place: 'Room 4', link: null },
      },
    });
    expect(planCourseSessionDeliveries(event(), NOW).map((d) => d.id)).toEqual(planned.map((d) => d.id));
  });

  it('given a rescheduling that moved nothing, then nobody is mailed; given a cancellation, then each learner is, without a previous slot', () => {
    expect(planCourseSessionDeliveries(event({ previous: { ...SESSION } }), NOW)).toEqual([]);
    const cancelled = planCourseSessionDeliveries(
      event({ type: 'course-session.cancelled', previous: null, attendeeIds: ['ada'] }),
      NOW,
    );
    expect(cancelled.map((d) => [d.kind, d.context])).toEqual([
      ['course-session.cancelled.learner', { courseSession: { ...SESSION, previous: null } }],
    ]);
  });

  it('given a session starting soon, then each learner gets one reminder, whose source is the same for that start and another for another start', () => {
    const reminders = planSessionReminders(
      'tenant-1',
      SESSION,
      { attendeeIds: ['ada', 'bea'], instructorIds: [] },
      NOW,
    );
    const moved = planSessionReminders('tenant-1', BEFORE, { attendeeIds: ['ada'], instructorIds: [] }, NOW);

    expect(reminders.map((d) => [d.recipientId, d.kind, d.sourceType])).toEqual([
      ['ada', 'course-session.reminder.learner', 'course-session.reminder'],
      ['bea', 'course-session.reminder.learner', 'course-session.reminder'],
    ]);
    expect(reminders[0]?.sourceEventId).toBe(reminderSourceOf('tenant-1', SESSION));
    expect(reminders[0]?.sourceEventId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(
      planSessionReminders('tenant-1', SESSION, { attendeeIds: ['ada'], instructorIds: [] }, NOW)[0]?.id,
    ).toBe(reminders[0]?.id);
    expect(moved[0]?.id).not.toBe(reminders[0]?.id);
    expect(reminderSourceOf('tenant-2', SESSION)).not.toBe(reminderSourceOf('tenant-1', SESSION));
  });

  it('given a session of a course with instructors, then each instructor gets its own kind of mail for a move, a cancellation and a reminder, besides the learners', () => {
    const audience = { attendeeIds: ['ada'], instructorIds: ['ivo', 'ivo', 'ada'] };
    const kinds = (planned: ReturnType<typeof planSessionReminders>) =>
      planned.map((d) => [d.recipientId, d.kind]);

    expect(kinds(planCourseSessionDeliveries(event(audience), NOW))).toEqual([
      ['ada', 'course-session.rescheduled.learner'],
      ['ivo', 'course-session.rescheduled.instructor'],
      ['ada', 'course-session.rescheduled.instructor'],
    ]);
    expect(
      kinds(
        planCourseSessionDeliveries(
          event({ ...audience, type: 'course-session.cancelled', previous: null }),
          NOW,
        ),
      ),
    ).toEqual([
      ['ada', 'course-session.cancelled.learner'],
      ['ivo', 'course-session.cancelled.instructor'],
      ['ada', 'course-session.cancelled.instructor'],
    ]);
    expect(
      kinds(planSessionReminders('tenant-1', SESSION, { attendeeIds: [], instructorIds: ['ivo'] }, NOW)),
    ).toEqual([['ivo', 'course-session.reminder.instructor']]);
    expect(planCourseSessionDeliveries(event({ ...audience, previous: { ...SESSION } }), NOW)).toEqual([]);
  });
});
