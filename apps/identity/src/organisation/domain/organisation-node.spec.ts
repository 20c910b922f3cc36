import {
  addManager,
  addMember,
  createTeam,
  createUnit,
  peopleOf,
  removeManager,
  removeMember,
  renameNode,
} from './organisation-node';

describe('units and teams (ID-G3)', () => {
  const at = new Date('2026-03-02T09:00:00.000Z');
  const later = new Date('2026-03-02T10:00:00.000Z');
  const unit = createUnit({ id: 'u', tenantId: 't', name: '  North ' }, at);
  const team = createTeam({ id: 'x', tenantId: 't', unitId: 'u', name: 'Sales' }, at);

  it('starts a unit and a team without managers or members, their names trimmed', () => {
    expect(unit).toMatchObject({
      kind: 'unit',
      unitId: null,
      name: 'North',
      managerIds: [],
      memberIds: [],
      version: 1,
    });
    expect(team).toMatchObject({ kind: 'team', unitId: 'u', version: 1 });
  });

  it('changes nothing for the same name, a manager set twice or removed when absent', () => {
    expect(renameNode(unit, ' North ', later)).toEqual({ outcome: 'unchanged' });
    const managed = addManager(unit, 'm', later);
    if (managed.outcome !== 'changed') throw new Error('expected a change');
    expect(managed.node).toMatchObject({ managerIds: ['m'], updatedAt: later, version: 2 });
    expect(addManager(managed.node, 'm', later)).toEqual({ outcome: 'unchanged' });
    expect(removeManager(unit, 'm', later)).toEqual({ outcome: 'unchanged' });
  });

  it('adds and removes team members, and knows everyone whose roles depend on the node', () => {
    const joined = addMember(team, 'a', later);
    if (joined.outcome !== 'changed') throw new Error('expected a change');
    expect(addMember({ ...joined.node, kind: 'team', unitId: 'u' }, 'a', later)).toEqual({
      outcome: 'unchanged',
    });
    expect(removeMember({ ...joined.node, kind: 'team', unitId: 'u' }, 'a', later)).toMatchObject({
      outcome: 'changed',
      node: { memberIds: [], version: 3 },
    });
    expect(peopleOf({ ...joined.node, managerIds: ['a', 'm'] })).toEqual(['a', 'm']);
  });
});
