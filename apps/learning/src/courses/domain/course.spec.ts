import {
  checkDetails,
  editCourse,
  MAX_COURSE_GROUPS,
  MAX_MATERIAL_ITEMS,
  newCourse,
  patchedDetails,
  sameDetails,
  type CourseDetails,
} from './course';

const NOW = new Date('2026-03-02T09:00:00.000Z');
const DETAILS: CourseDetails = {
  title: 'Negotiation basics',
  description: null,
  enrollmentPolicy: 'free',
  overbookingAllowed: false,
  groupIds: [],
  material: [],
};

describe('checkDetails', () => {
  it('given texts with spaces around them and a group twice, then they are kept trimmed and the group once', () => {
    const checked = checkDetails('elearning', {
      ...DETAILS,
      title: '  Negotiation basics ',
      description: ' Five lessons\n',
      groupIds: ['g1', 'g2', 'g1'],
      material: [{ title: ' Welcome ', kind: 'video', url: 'https://media.example.com/w.mp4' }],
    });

    expect(checked).toEqual({
      ok: true,
      details: {
        ...DETAILS,
        title: 'Negotiation basics',
        description: 'Five lessons',
        groupIds: ['g1', 'g2'],
        material: [{ title: 'Welcome', kind: 'video', url: 'https://media.example.com/w.mp4' }],
      },
    });
  });

  it('given overbooking on an e-learning course, then it is kept; on an instructor-led one, then it is refused with its own problem', () => {
    expect(checkDetails('elearning', { ...DETAILS, overbookingAllowed: true })).toMatchObject({ ok: true });
    expect(checkDetails('ilt', { ...DETAILS, overbookingAllowed: true })).toEqual({
      ok: false,
      problem: { kind: 'overbooking_on_ilt' },
    });
    expect(checkDetails('ilt', DETAILS)).toMatchObject({ ok: true });
  });

  it.each([
    ['a blank title', { title: '  ' }, 'title'],
    ['a title too long', { title: 'x'.repeat(201) }, 'title'],
    ['a blank description', { description: ' ' }, 'description'],
    [
      'too many groups',
      { groupIds: Array.from({ length: MAX_COURSE_GROUPS + 1 }, (_, i) => `g${i}`) },
      'groupIds',
    ],
    [
      'too much material',
      {
        material: Array.from({ length: MAX_MATERIAL_ITEMS + 1 }, () => ({
          title: 'x',
          kind: 'link' as const,
          url: 'https://x.example.com',
        })),
      },
      'material',
    ],
    [
      'a material item without a title',
      { material: [{ title: ' ', kind: 'link' as const, url: 'https://x.example.com' }] },
      'title',
    ],
    [
      'a material item not on the web',
      { material: [{ title: 'x', kind: 'link' as const, url: 'ftp://x.example.com' }] },
      'url',
    ],
  ])('given %s, then it is refused, naming the field', (_case, change, field) => {
    expect(checkDetails('elearning', { ...DETAILS, ...change })).toEqual({
      ok: false,
      problem: { kind: 'invalid', reason: expect.stringContaining(field) },
    });
  });
});

describe('a course over its life', () => {
  const course = newCourse(
    { tenantId: 't', kind: 'ilt', authorId: 'ada', details: DETAILS },
    { id: 'c-1', now: NOW },
  );

  it('given a new course, then it is a draft of its author, with no other roles, at version 1, created and updated now', () => {
    expect(course).toEqual({
      id: 'c-1',
      tenantId: 't',
      kind: 'ilt',
      state: 'draft',
      authorId: 'ada',
      roles: [],
      ...DETAILS,
      createdAt: NOW,
      updatedAt: NOW,
      version: 1,
    });
  });

  it("given a patch, then the fields given replace the course's, null included, and the others are kept", () => {
    const withText = { ...course, description: 'Text' };
    expect(patchedDetails(withText, { title: 'New', description: null, groupIds: undefined })).toEqual({
      ...DETAILS,
      title: 'New',
      description: null,
    });
  });

  it('given an edit, then the course has the new details at its next version, updated then', () => {
    const later = new Date('2026-03-03T09:00:00.000Z');
    expect(editCourse(course, { ...DETAILS, title: 'New' }, later)).toMatchObject({
      title: 'New',
      version: 2,
      createdAt: NOW,
      updatedAt: later,
      state: 'draft',
    });
  });

  it('tells whether two sets of details say the same, groups in any order, material in its order', () => {
    const a = { url: 'https://a.example.com', title: 'A', kind: 'link' as const };
    const b = { url: 'https://b.example.com', title: 'B', kind: 'link' as const };
    expect(sameDetails({ ...DETAILS, groupIds: ['1', '2'] }, { ...DETAILS, groupIds: ['2', '1'] })).toBe(
      true,
    );
    expect(sameDetails({ ...DETAILS, material: [a, b] }, { ...DETAILS, material: [a, b] })).toBe(true);
    expect(sameDetails({ ...DETAILS, material: [a, b] }, { ...DETAILS, material: [b, a] })).toBe(false);
    expect(sameDetails(DETAILS, { ...DETAILS, enrollmentPolicy: 'approval' })).toBe(false);
  });
});
