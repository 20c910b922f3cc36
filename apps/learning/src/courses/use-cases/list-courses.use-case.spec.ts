import type { Course } from '../domain/course';
import { InMemoryCourseRepository } from '../../testing/in-memory-course.repository';
import { ListCoursesUseCase } from './list-courses.use-case';

const NOW = new Date('2026-03-02T09:00:00.000Z');

function course(id: string, tenantId: string, title = `Course ${id}`): Course {
  return {
    id,
    tenantId,
    title,
    kind: 'elearning',
    state: 'published',
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
  };
}

function setUp(): { listCourses: ListCoursesUseCase; courses: InMemoryCourseRepository } {
  const courses = new InMemoryCourseRepository();
  return { listCourses: new ListCoursesUseCase(courses), courses };
}

describe('ListCoursesUseCase', () => {
  it('gives an empty page when the tenant has no course yet', async () => {
    const { listCourses } = setUp();

    const page = await listCourses.execute({ tenantId: 't1', page: { limit: 50 } });

    expect(page).toEqual({ items: [], limit: 50, nextCursor: null });
  });

  it("lists only the caller's tenant's courses, in creation order", async () => {
    const { listCourses, courses } = setUp();
    courses.seed(course('0002', 't1'), course('0001', 't1'), course('0003', 't2'));

    const page = await listCourses.execute({ tenantId: 't1', page: { limit: 50 } });

    expect(page.items.map((c) => c.id)).toEqual(['0001', '0002']);
  });

  it('pages through the list and gives the cursor of the next page', async () => {
    const { listCourses, courses } = setUp();
    courses.seed(course('0001', 't1'), course('0002', 't1'), course('0003', 't1'));

    const first = await listCourses.execute({ tenantId: 't1', page: { limit: 2 } });
    const second = await listCourses.execute({
      tenantId: 't1',
      page: { limit: 2, cursor: first.nextCursor ?? undefined },
    });

    expect(first).toMatchObject({
      items: [{ id: '0001' }, { id: '0002' }],
      limit: 2,
      nextCursor: expect.any(String),
    });
    expect(second).toMatchObject({ items: [{ id: '0003' }], limit: 2, nextCursor: null });
  });
});
