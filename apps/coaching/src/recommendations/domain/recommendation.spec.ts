import {
  isLive,
  newRecommendations,
  recommendAgain,
  recommendationIdOf,
  recommendationNoteOf,
  removeRecommendation,
} from './recommendation';

const key = { tenantId: 'tenant-a', coachId: 'coach', menteeId: 'mentee', courseId: 'course' };

describe('recommendationIdOf', () => {
  it('names the same coach, mentee and course the same way, and any other the other way', () => {
    const id = recommendationIdOf(key);

    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(recommendationIdOf({ ...key })).toBe(id);
    for (const other of [
      { ...key, tenantId: 'tenant-b' },
      { ...key, coachId: 'another-coach' },
      { ...key, menteeId: 'another-mentee' },
      { ...key, courseId: 'another-course' },
    ])
      expect(recommendationIdOf(other)).not.toBe(id);
  });
});

describe('recommendationNoteOf', () => {
  it('keeps a note trimmed, and none for nothing or spaces', () => {
    expect(recommendationNoteOf('  Start here.\n')).toBe('Start here.');
    expect(recommendationNoteOf(' \n ')).toBeNull();
    expect(recommendationNoteOf(null)).toBeNull();
    expect(recommendationNoteOf(undefined)).toBeNull();
  });
});

describe('newRecommendations', () => {
  it('makes one recommendation per course, once each, in the order asked', () => {
    const now = new Date('2025-03-10T09:00:00.000Z');
    const made = newRecommendations(
      { tenantId: 'tenant-a', coachId: 'coach', menteeId: 'mentee', courseIds: ['b', 'a', 'b'], note: 'Why' },
      now,
    );

    expect(made).toEqual([
      {
        id: recommendationIdOf({ ...key, courseId: 'b' }),
        ...key,
        courseId: 'b',
        note: 'Why',
        createdAt: now,
        removedAt: null,
        version: 1,
      },
      {
        id: recommendationIdOf({ ...key, courseId: 'a' }),
        ...key,
        courseId: 'a',
        note: 'Why',
        createdAt: now,
        removedAt: null,
        version: 1,
      },
    ]);
  });
});

describe('removeRecommendation and recommendAgain', () => {
  it('leaves a tombstone at the next version, made live again at the one after with the new note and instant', () => {
    const [made] = newRecommendations(
      { ...key, courseIds: ['course'], note: 'First' },
      new Date('2025-03-10T09:00:00.000Z'),
    );
    const original = made as NonNullable<typeof made>;
    const removedAt = new Date('2025-03-11T09:00:00.000Z');

    const removed = removeRecommendation(original, removedAt);
    const [wanted] = newRecommendations(
      { ...key, courseIds: ['course'], note: 'Second' },
      new Date('2025-03-12T09:00:00.000Z'),
    );
    const again = recommendAgain(removed, wanted as NonNullable<typeof wanted>);

    expect(removed).toEqual({ ...original, removedAt, version: 2 });
    expect(isLive(original)).toBe(true);
    expect(isLive(removed)).toBe(false);
    expect(again).toEqual({
      ...original,
      note: 'Second',
      createdAt: new Date('2025-03-12T09:00:00.000Z'),
      removedAt: null,
      version: 3,
    });
  });
});
