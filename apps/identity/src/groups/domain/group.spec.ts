import {
  createGroup,
  editGroup,
  finishGroupDeletion,
  recordMembersRemoved,
  startGroupDeletion,
} from './group';

const created = new Date('2026-03-02T09:00:00.000Z');
const now = new Date('2026-03-03T09:00:00.000Z');
const group = createGroup({ id: 'g', tenantId: 't', name: 'Sales', confidentiality: 'private' }, created);

describe('a group (ID-G1)', () => {
  it('takes one version per change, a rename first, each change with the full state after it', () => {
    const decision = editGroup(group, { name: ' Sales desk ', confidentiality: 'public' }, now);

    expect(decision).toMatchObject({
      outcome: 'edited',
      group: { name: 'Sales desk', confidentiality: 'public', version: 3, updatedAt: now },
    });
    if (decision.outcome !== 'edited') throw new Error('edited');
    expect(
      decision.changes.map((change) => [change.kind, change.state.version, change.state.confidentiality]),
    ).toEqual([
      ['renamed', 2, 'private'],
      ['confidentiality-changed', 3, 'public'],
    ]);
  });

  it('changes nothing when given the values it has', () => {
    expect(editGroup(group, { name: 'Sales', confidentiality: 'private' }, now)).toEqual({
      outcome: 'edited',
      group,
      changes: [],
    });
  });

  it('is gone at once when it has no member, and is being deleted otherwise', () => {
    expect(startGroupDeletion(group, false, now).group).toMatchObject({ status: 'deleted', version: 2 });
    expect(startGroupDeletion(group, true, now)).toMatchObject({
      outcome: 'deleting',
      group: { status: 'deleting', deletion: { requestedAt: now, membersRemoved: 0 }, version: 2 },
    });
  });

  it('counts the members its deletion removed, and refuses edits meanwhile', () => {
    const deleting = startGroupDeletion(group, true, now).group;
    const counted = recordMembersRemoved(recordMembersRemoved(deleting, 100, now), 20, now);

    expect(counted.deletion?.membersRemoved).toBe(120);
    expect(finishGroupDeletion(counted, now)).toMatchObject({ status: 'deleted', version: 5 });
    expect(editGroup(deleting, { name: 'Other' }, now)).toEqual({ outcome: 'being-deleted' });
    expect(startGroupDeletion(deleting, true, now).outcome).toBe('already-deleting');
  });
});
