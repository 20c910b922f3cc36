import {
  cancelSession,
  checkSession,
  sessionMoved,
  editSession,
  newSession,
  patchedSession,
  sameSession,
  type SessionDetails,
} from './course-session';

const DETAILS: SessionDetails = {
  startsAt: new Date('2027-01-15T09:00:00.000Z'),
  endsAt: new Date('2027-01-15T17:00:00.000Z'),
  place: 'Milan office, room 4',
  link: null,
  capacity: 12,
};

describe('checkSession (LE-C1)', () => {
  it('given a start before the end, a place or a link, and seats, then it is kept, texts trimmed and blanks dropped', () => {
    expect(checkSession({ ...DETAILS, place: ' Room 4 ', link: ' ' })).toEqual({
      ok: true,
      details: { ...DETAILS, place: 'Room 4', link: null },
    });
    expect(checkSession({ ...DETAILS, place: null, link: 'https://meet.example.com/x' })).toMatchObject({
      ok: true,
    });
  });

  it.each([
    ['a start at the end', { startsAt: DETAILS.endsAt }, 'startsAt'],
    ['a start after the end', { startsAt: new Date('2027-01-16T09:00:00.000Z') }, 'startsAt'],
    ['neither place nor link', { place: null, link: null }, 'place, a link'],
    ['a link not on the web', { link: 'ftp://files.example.com' }, 'link'],
    ['no seats', { capacity: 0 }, 'capacity'],
    ['seats that are not whole', { capacity: 1.5 }, 'capacity'],
    ['an instant that is not one', { endsAt: new Date('nope') }, 'instants'],
  ])('given %s, then it is refused, naming why', (_case, change, reason) => {
    expect(checkSession({ ...DETAILS, ...change })).toEqual({
      ok: false,
      reason: expect.stringContaining(reason),
    });
  });
});

describe('a session over its life', () => {
  const NOW = new Date('2026-03-02T09:00:00.000Z');
  const session = newSession({ tenantId: 't', courseId: 'c', details: DETAILS }, { id: 's', now: NOW });

  it("given a patch, then the fields given replace the session's, null included, and the others are kept", () => {
    expect(patchedSession(session, { capacity: 30, place: null, link: 'https://m.example.com' })).toEqual({
      ...DETAILS,
      capacity: 30,
      place: null,
      link: 'https://m.example.com',
    });
    expect(sameSession(patchedSession(session, {}), session)).toBe(true);
  });

  it('given an edit, then it is at its next version, updated then, of the same course', () => {
    const later = new Date('2026-03-03T09:00:00.000Z');
    expect(editSession(session, { ...DETAILS, capacity: 30 }, later)).toMatchObject({
      version: 2,
      capacity: 30,
      courseId: 'c',
      createdAt: NOW,
      updatedAt: later,
    });
  });
});

describe('a session moved or cancelled (NO-1)', () => {
  const session = newSession(
    { tenantId: 't', courseId: 'c', details: DETAILS },
    { id: 's', now: new Date('2026-03-02T09:00:00.000Z') },
  );

  it('given a change of its time, place or link, then it moved; a change of its capacity alone moves nothing', () => {
    expect(sessionMoved(DETAILS, { ...DETAILS, endsAt: new Date('2027-01-15T18:00:00.000Z') })).toBe(true);
    expect(sessionMoved(DETAILS, { ...DETAILS, place: 'Rome office' })).toBe(true);
    expect(sessionMoved(DETAILS, { ...DETAILS, link: 'https://meet.example.com/x' })).toBe(true);
    expect(sessionMoved(DETAILS, { ...DETAILS, capacity: 30 })).toBe(false);
  });

  it('given a cancellation, then the session keeps its last details at its next version', () => {
    const now = new Date('2026-03-05T09:00:00.000Z');
    expect(cancelSession(session, now)).toEqual({ ...session, updatedAt: now, version: 2 });
  });
});
