import fc from 'fast-check';
import { newCourse, type Course, type CourseState } from './course';
import {
  COURSE_TRANSITIONS,
  eventOfChange,
  isDeletable,
  isEditable,
  moveCourse,
  type CourseEventType,
} from './course-lifecycle';

const NOW = new Date('2026-03-02T09:00:00.000Z');

function aDraft(): Course {
  return newCourse(
    {
      tenantId: 't',
      kind: 'elearning',
      authorId: 'ada',
      details: {
        title: 'Negotiation basics',
        description: null,
        enrollmentPolicy: 'free',
        overbookingAllowed: false,
        groupIds: [],
        material: [],
      },
    },
    { id: 'c-1', now: NOW },
  );
}

describe('moveCourse', () => {
  it('given a draft, when published, then it is published at its next version, updated then', () => {
    const later = new Date('2026-03-03T09:00:00.000Z');
    expect(moveCourse(aDraft(), 'publish', later)).toEqual({
      ok: true,
      course: { ...aDraft(), state: 'published', version: 2, updatedAt: later },
    });
  });

  it.each<[CourseState, (typeof COURSE_TRANSITIONS)[number], CourseState]>([
    ['draft', 'archive', 'archived'],
    ['published', 'publish', 'published'],
    ['archived', 'publish', 'published'],
    ['archived', 'archive', 'archived'],
  ])(
    'given a %s course, when asked to %s, then it is refused, naming both states',
    (from, transition, to) => {
      expect(moveCourse({ ...aDraft(), state: from }, transition, NOW)).toEqual({ ok: false, from, to });
    },
  );

  it('tells that only a draft is deleted and that an archived course no longer changes', () => {
    expect(
      ['draft', 'published', 'archived'].map((state) => isDeletable({ state: state as CourseState })),
    ).toEqual([true, false, false]);
    expect(
      ['draft', 'published', 'archived'].map((state) => isEditable({ state: state as CourseState })),
    ).toEqual([true, true, false]);
  });
});

describe('eventOfChange', () => {
  it.each<[CourseState, CourseState, CourseEventType | null]>([
    ['draft', 'draft', null],
    ['draft', 'published', 'course.published'],
    ['published', 'published', 'course.updated'],
    ['published', 'archived', 'course.archived'],
  ])('given a change from %s to %s, then it publishes %s', (before, after, event) => {
    expect(eventOfChange(before, { state: after })).toBe(event);
  });
});

/** What may happen to a course: a state change, or an edit of its details. */
type Action = { kind: 'move'; transition: (typeof COURSE_TRANSITIONS)[number] } | { kind: 'edit' };

const anAction: fc.Arbitrary<Action> = fc.oneof(
  fc.constantFrom(...COURSE_TRANSITIONS).map((transition): Action => ({ kind: 'move', transition })),
  fc.constant<Action>({ kind: 'edit' }),
);

describe('the course lifecycle, whatever is asked of it (property)', () => {
  it('moves only draft → published → archived, and its events tell the catalog exactly that, in order', () => {
    fc.assert(
      fc.property(fc.array(anAction, { maxLength: 30 }), (actions) => {
        let course = aDraft();
        const states: CourseState[] = [course.state];
        const events: Array<{ type: CourseEventType; version: number }> = [];
        for (const action of actions) {
          const before = course.state;
          if (action.kind === 'move') {
            const moved = moveCourse(course, action.transition, NOW);
            if (!moved.ok) continue;
            course = moved.course;
          } else {
            if (!isEditable(course)) continue;
            course = { ...course, title: `${course.title}!`, version: course.version + 1 };
          }
          states.push(course.state);
          const type = eventOfChange(before, course);
          if (type) events.push({ type, version: course.version });
        }
        // States only ever move forward, one step at a time.
        const order: CourseState[] = ['draft', 'published', 'archived'];
        states.forEach((state, at) => {
          if (at === 0) return;
          const step = order.indexOf(state) - order.indexOf(states[at - 1] as CourseState);
          expect(step === 0 || step === 1).toBe(true);
        });
        // Nothing is published while a draft; published once, first; archived at most once, last.
        const types = events.map((e) => e.type);
        const published = types.filter((t) => t === 'course.published').length;
        expect(published).toBe(states.includes('published') ? 1 : 0);
        if (types.length > 0) expect(types[0]).toBe('course.published');
        const archived = types.indexOf('course.archived');
        expect(archived === -1 || archived === types.length - 1).toBe(true);
        expect(archived !== -1).toBe(course.state === 'archived');
        // Each event names a newer version than the one before.
        events.forEach(
          (event, at) => at > 0 && expect(event.version).toBeGreaterThan(events[at - 1]!.version),
        );
      }),
    );
  });
});
