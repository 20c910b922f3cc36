import { randomUUID } from 'node:crypto';
import { editPlan, newPlan, patchedPlanDetails, planDetailsProblem, samePlanDetails } from './plan';
import { sessionForPlan } from './plan-session-choice';

const ids = (n: number) => Array.from({ length: n }, () => randomUUID());

describe('plan details (LE-P1)', () => {
  it.each([
    [0, 'no_courses'],
    [1, null],
    [50, null],
    [51, 'too_many_courses'],
  ] as const)('given %i courses, then the problem is %s', (count, problem) => {
    expect(planDetailsProblem({ courseIds: ids(count) })).toBe(problem);
  });

  it('given a course twice, then the plan is refused', () => {
    const [a, b] = ids(2) as [string, string];
    expect(planDetailsProblem({ courseIds: [a, b, a] })).toBe('duplicate_courses');
  });

  it('given a patch, then absent fields are kept, a null description removed, and an unchanged patch changes nothing', () => {
    const now = new Date('2026-03-02T09:00:00.000Z');
    const plan = newPlan(
      't',
      { title: 'Onboarding', description: 'First weeks', courseIds: ids(2) },
      { id: 'p', now },
    );

    const patched = patchedPlanDetails(plan, { description: null });
    expect(patched).toEqual({ title: 'Onboarding', description: null, courseIds: plan.courseIds });
    expect(samePlanDetails(plan, patchedPlanDetails(plan, { title: 'Onboarding' }))).toBe(true);
    expect(
      samePlanDetails(plan, patchedPlanDetails(plan, { courseIds: [...plan.courseIds].reverse() })),
    ).toBe(false);
    const later = new Date('2026-03-03T09:00:00.000Z');
    expect(editPlan(plan, patched, later)).toMatchObject({ description: null, updatedAt: later, version: 2 });
  });
});

describe('sessionForPlan (an instructor-led course of a plan)', () => {
  const now = new Date('2026-03-02T09:00:00.000Z');
  const at = (iso: string, id: string) => ({ id, startsAt: new Date(iso) });

  it('given sessions soonest first, then the soonest one still to come is chosen; none left: null', () => {
    const sessions = [
      at('2026-03-01T09:00:00Z', 'past'),
      at('2026-03-02T09:00:00Z', 'now'),
      at('2026-03-05T09:00:00Z', 'next'),
      at('2026-03-09T09:00:00Z', 'later'),
    ];
    expect(sessionForPlan(sessions, now)).toBe('next');
    expect(sessionForPlan(sessions.slice(0, 2), now)).toBeNull();
    expect(sessionForPlan([], now)).toBeNull();
  });
});
