import type { CourseDetails } from '../courses/domain/course';
import { mayEnroll, mayEnrollIn } from '../enrollments/domain/enrollment-access';
import { anActor, aPowerUser, buildLearningTestbed, TENANT } from '../testing/learning-testbed';

const DETAILS: CourseDetails = {
  title: 'Negotiation basics',
  description: null,
  enrollmentPolicy: 'free',
  overbookingAllowed: false,
  groupIds: ['group-of-nobody'],
  material: [{ title: 'Welcome', kind: 'video', url: 'https://media.example.com/w.mp4' }],
};
const POWER = aPowerUser('power');
const [MIA, ADA, BOB] = [
  '0190c0de-0000-7000-8000-0000000000a1',
  '0190c0de-0000-7000-8000-0000000000a2',
  '0190c0de-0000-7000-8000-0000000000a3',
];

describe('a manager enrolls its managees (LE-E3, ID-G4)', () => {
  it('given the rule, then a manager of the learner may enroll it, unless it teaches the course', () => {
    const manager = anActor(MIA);
    expect(mayEnroll(manager, ADA)).toBe(false);
    expect(mayEnroll(manager, ADA, 'manager')).toBe(true);
    const course = { authorId: 'power', roles: [{ userId: MIA, role: 'instructor' as const }] };
    expect(mayEnrollIn(manager, ADA, course, 'manager')).toBe(false);
    expect(mayEnrollIn(manager, ADA, { ...course, roles: [] }, 'manager')).toBe(true);
  });

  async function setUp() {
    const t = buildLearningTestbed();
    const created = await t.createCourse.execute({
      tenantId: TENANT,
      actor: POWER,
      kind: 'elearning',
      details: DETAILS,
    });
    const course = await t.changeState.execute({
      tenantId: TENANT,
      id: created.id,
      actor: POWER,
      transition: 'publish',
    });
    const relation = (managee: string, active: boolean, version: number) => ({
      tenantId: TENANT,
      managerId: MIA,
      manageeId: managee,
      active,
      version,
    });
    const enroll = (userId: string) =>
      t.createEnrollment.execute({ tenantId: TENANT, actor: anActor(MIA), courseId: course.id, userId });
    return { t, relation, enroll };
  }

  it('given a manager of Ada, then it enrolls Ada in a published course outside its own catalog, and not Bob', async () => {
    const { t, relation, enroll } = await setUp();
    await t.managers.applyMany([relation(ADA, true, 1)]);

    expect(await enroll(ADA)).toMatchObject({ userId: ADA, state: 'enrolled' });
    await expect(enroll(BOB)).rejects.toMatchObject({ code: 'ENROLLMENT.FORBIDDEN' });
  });

  it('given the relation removed, or an older event of it arriving late, then the manager no longer enrolls Ada', async () => {
    const { t, relation, enroll } = await setUp();
    await t.managers.applyMany([relation(ADA, true, 1), relation(ADA, false, 2)]);
    await t.managers.applyMany([relation(ADA, true, 1)]);

    await expect(enroll(ADA)).rejects.toMatchObject({ code: 'ENROLLMENT.FORBIDDEN' });
  });
});
