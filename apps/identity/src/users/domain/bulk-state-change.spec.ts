import {
  maySeeBulkStateChange,
  nextChunk,
  recordChunk,
  startBulkStateChange,
  type BulkStateChange,
} from './bulk-state-change';
import type { UserActor } from './user-permissions';

const at = new Date('2026-03-02T09:00:00.000Z');
const later = new Date('2026-03-02T09:01:00.000Z');
const powerUser: UserActor = { tenantId: 'acme', userId: 'pat', level: 'power_user', roles: [] };

function started(userIds: string[] = ['a', 'b', 'c', 'b', 'a', 'd']): BulkStateChange {
  return startBulkStateChange({ id: 'bulk-1', actor: powerUser, action: 'deactivate', userIds }, at);
}

describe('BulkStateChange (ID-U5)', () => {
  it('given ids given twice, then each is changed once, in the order first given, by the actor as it asked', () => {
    expect(started()).toEqual({
      id: 'bulk-1',
      tenantId: 'acme',
      actor: powerUser,
      action: 'deactivate',
      userIds: ['a', 'b', 'c', 'd'],
      results: [],
      state: 'running',
      createdAt: at,
      finishedAt: null,
      version: 1,
    });
  });

  it('runs chunk after chunk from where the results end, and finishes with the last', () => {
    const first = recordChunk(
      started(),
      nextChunk(started(), 3).map((userId) => ({ userId, outcome: 'changed' as const })),
      later,
    );

    expect(first).toMatchObject({ state: 'running', finishedAt: null, version: 2 });
    expect(nextChunk(first, 3)).toEqual(['d']);

    const last = recordChunk(first, [{ userId: 'd', outcome: 'not_found' }], later);

    expect(last).toMatchObject({ state: 'finished', finishedAt: later, version: 3 });
    expect(last.results.map((result) => result.userId)).toEqual(['a', 'b', 'c', 'd']);
    expect(nextChunk(last, 3)).toEqual([]);
  });

  it('is seen by the account that started it and by whoever manages every user of its tenant, by nobody else', () => {
    const change = started();

    expect(maySeeBulkStateChange(powerUser, change)).toBe(true);
    expect(
      maySeeBulkStateChange(
        { tenantId: 'acme', userId: 'ann', level: 'user', roles: ['application_admin'] },
        change,
      ),
    ).toBe(true);
    expect(
      maySeeBulkStateChange({ tenantId: 'acme', userId: 'sam', level: 'superadmin', roles: [] }, change),
    ).toBe(true);
    expect(maySeeBulkStateChange({ ...powerUser, userId: 'other' }, change)).toBe(false);
    expect(maySeeBulkStateChange({ ...powerUser, userId: null }, change)).toBe(false);
    expect(
      maySeeBulkStateChange({ tenantId: 'other', userId: 'pat', level: 'superadmin', roles: [] }, change),
    ).toBe(false);
  });
});
