import { addManagee, removeManagee, screenManagee } from './manager-relation';

describe('manager relations (ID-G4)', () => {
  const now = new Date('2026-03-02T09:00:00.000Z');
  const request = { id: 'r1', tenantId: 't', managerId: 'm', manageeId: 'u' };

  it('lets only active accounts other than the manager become managees', () => {
    expect(screenManagee('m', null)).toBe('not_found');
    expect(screenManagee('m', { id: 'm', state: 'active' })).toBe('self');
    expect(screenManagee('m', { id: 'u', state: 'deactivated' })).toBe('not_active');
    expect(screenManagee('m', { id: 'u', state: 'expired' })).toBe('not_active');
    expect(screenManagee('m', { id: 'u', state: 'activated' })).toBe('eligible');
    expect(screenManagee('m', { id: 'u', state: 'active' })).toBe('eligible');
  });

  it('adds, tells a managee already there, removes, and adds again with the next version', () => {
    const added = addManagee(null, request, now);
    if (added.outcome !== 'added') throw new Error('expected added');
    expect(added.relation).toMatchObject({ status: 'active', version: 1 });
    expect(addManagee(added.relation, request, now)).toEqual({ outcome: 'already' });

    const removed = removeManagee(added.relation, now);
    if (removed.outcome !== 'removed') throw new Error('expected removed');
    expect(removed.relation).toMatchObject({ status: 'removed', removedAt: now, version: 2 });
    expect(removeManagee(removed.relation, now)).toEqual({ outcome: 'not-managee' });
    expect(addManagee(removed.relation, { ...request, id: 'r2' }, now)).toMatchObject({
      outcome: 'added',
      relation: { id: 'r1', status: 'active', removedAt: null, version: 3 },
    });
  });
});
