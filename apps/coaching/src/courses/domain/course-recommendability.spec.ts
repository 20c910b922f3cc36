import { aCourseChange } from '../../testing/catalog-course-repository.contract';
import { unrecommendableAmong, whyUnrecommendable } from './course-recommendability';

const course = (state: 'draft' | 'published' | 'archived', courseId = `course-${state}`) =>
  aCourseChange('tenant-a', courseId, 1, { state });

describe('whyUnrecommendable', () => {
  it('recommends a published course only', () => {
    expect(whyUnrecommendable(course('published'))).toBeNull();
    expect(whyUnrecommendable(course('draft'))).toBe('draft');
    expect(whyUnrecommendable(course('archived'))).toBe('archived');
    expect(whyUnrecommendable(null)).toBe('unknown');
  });
});

describe('unrecommendableAmong', () => {
  it('names each course that may not be recommended once, in the order asked', () => {
    const found = [course('archived'), course('published'), course('draft')];

    expect(
      unrecommendableAmong(
        ['course-published', 'missing', 'course-draft', 'missing', 'course-archived'],
        found,
      ),
    ).toEqual([
      { courseId: 'missing', reason: 'unknown' },
      { courseId: 'course-draft', reason: 'draft' },
      { courseId: 'course-archived', reason: 'archived' },
    ]);
    expect(unrecommendableAmong(['course-published'], found)).toEqual([]);
  });
});
