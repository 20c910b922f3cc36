import { registerUser } from '../../users/domain/user';
import { deriveRoles, withDerivedRoles } from './derived-roles';

describe('derived roles (ID-R1)', () => {
  const none = { managesUnitOrTeam: false, hasManagees: false, memberOfTeam: false };

  it('makes a Manager of whoever manages a unit or a team, or has a managee, and an Agent of a team member', () => {
    expect(deriveRoles(none)).toEqual({ isManager: false, isAgent: false });
    expect(deriveRoles({ ...none, managesUnitOrTeam: true })).toEqual({ isManager: true, isAgent: false });
    expect(deriveRoles({ ...none, hasManagees: true })).toEqual({ isManager: true, isAgent: false });
    expect(deriveRoles({ ...none, memberOfTeam: true })).toEqual({ isManager: false, isAgent: true });
  });

  it('changes the user only when its roles differ, at its next version', () => {
    const at = new Date('2026-03-02T09:00:00.000Z');
    const later = new Date('2026-03-02T10:00:00.000Z');
    const user = registerUser(
      { id: 'u1', tenantId: 't', email: 'a@example.com', firstName: 'A', lastName: 'B' },
      at,
    );

    expect(withDerivedRoles(user, { isManager: false, isAgent: false }, later)).toEqual({
      outcome: 'unchanged',
    });
    expect(withDerivedRoles(user, { isManager: true, isAgent: false }, later)).toEqual({
      outcome: 'changed',
      user: { ...user, isManager: true, updatedAt: later, version: 2 },
    });
  });
});
