import { newEnrollment, type Enrollment, type EnrollmentState } from './enrollment';
import { completeMaterial, openCourse } from './enrollment-progress';

const CREATED = new Date('2026-03-02T09:00:00.000Z');
const NOW = new Date('2026-03-03T09:00:00.000Z');

function enrollment(state: EnrollmentState, options: Partial<Enrollment> = {}): Enrollment {
  return {
    ...newEnrollment(
      { tenantId: 't', courseId: 'c', userId: 'u', courseKind: 'elearning', sessionId: null, state },
      { id: 'e', now: CREATED },
    ),
    ...options,
  };
}

describe('openCourse (LE-E1, LE-E4)', () => {
  it('given an enrolled learner, when it opens the course, then it is in progress and its first access is recorded', () => {
    expect(openCourse(enrollment('enrolled'), NOW)).toEqual({
      ok: true,
      changed: true,
      firstAccess: true,
      previousState: 'enrolled',
      enrollment: {
        ...enrollment('enrolled'),
        state: 'in_progress',
        firstAccessedAt: NOW,
        updatedAt: NOW,
        version: 2,
      },
    });
  });

  it('given a learner who opened the course before, then opening again changes nothing', () => {
    const opened = enrollment('in_progress', { firstAccessedAt: CREATED });
    expect(openCourse(opened, NOW)).toMatchObject({
      ok: true,
      changed: false,
      firstAccess: false,
      enrollment: opened,
    });
  });

  it('given a learner to be confirmed, then it opens the course (it sees the material) and keeps its state', () => {
    expect(openCourse(enrollment('to_be_confirmed'), NOW)).toMatchObject({
      ok: true,
      firstAccess: true,
      enrollment: { state: 'to_be_confirmed', firstAccessedAt: NOW },
    });
  });

  it.each<[EnrollmentState, string]>([
    ['waiting', 'waiting'],
    ['suspended', 'suspended'],
    ['overbooking', 'overbooking'],
  ])('given a learner %s, then the course is refused (%s)', (state, refusal) => {
    expect(openCourse(enrollment(state), NOW)).toEqual({ ok: false, refusal });
  });
});

describe('completeMaterial (LE-E1)', () => {
  it('given an e-learning course of two items, when both are completed, then the enrollment is completed, one version per step', () => {
    const first = completeMaterial(enrollment('enrolled'), 1, 2, NOW);
    expect(first).toMatchObject({
      ok: true,
      firstAccess: true,
      enrollment: { state: 'in_progress', completedMaterial: [1], version: 2 },
    });
    const second = completeMaterial((first as { enrollment: Enrollment }).enrollment, 0, 2, NOW);
    expect(second).toMatchObject({
      ok: true,
      firstAccess: false,
      previousState: 'in_progress',
      enrollment: { state: 'completed', completedMaterial: [0, 1], version: 3 },
    });
  });

  it('given an item completed already, then completing it again changes nothing', () => {
    const done = enrollment('in_progress', { completedMaterial: [0], firstAccessedAt: CREATED });
    expect(completeMaterial(done, 0, 3, NOW)).toMatchObject({ ok: true, changed: false, enrollment: done });
  });

  it('given an instructor-led course, then its material never completes it (its sessions do)', () => {
    const ilt = enrollment('in_progress', { courseKind: 'ilt', sessionId: 's', firstAccessedAt: CREATED });
    expect(completeMaterial(ilt, 0, 1, NOW)).toMatchObject({
      ok: true,
      enrollment: { state: 'in_progress', completedMaterial: [0] },
    });
  });

  it('given a learner without access, then nothing is recorded', () => {
    expect(completeMaterial(enrollment('suspended'), 0, 1, NOW)).toEqual({ ok: false, refusal: 'suspended' });
  });
});
