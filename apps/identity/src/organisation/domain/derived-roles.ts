import type { UserChange } from '../../users/domain/user-lifecycle';
import type { User } from '../../users/domain/user';

/** What a user's place in the organisation is, as far as its derived roles go (ID-R1). */
export interface OrganisationPlace {
  /** It manages at least one unit or team (ID-G3). */
  managesUnitOrTeam: boolean;
  /** It has at least one managee (ID-G4). */
  hasManagees: boolean;
  /** It is a member of at least one team (ID-G3). */
  memberOfTeam: boolean;
}

export interface DerivedRoles {
  isManager: boolean;
  isAgent: boolean;
}

/** ID-R1: Manager and Agent are derived, never assigned. */
export function deriveRoles(place: OrganisationPlace): DerivedRoles {
  return { isManager: place.managesUnitOrTeam || place.hasManagees, isAgent: place.memberOfTeam };
}

/** The user with these derived roles at its next version; the roles it has already are no change. */
export function withDerivedRoles(user: User, roles: DerivedRoles, now: Date): UserChange {
  if (user.isManager === roles.isManager && user.isAgent === roles.isAgent) return { outcome: 'unchanged' };
  return {
    outcome: 'changed',
    user: { ...user, ...roles, updatedAt: now, version: user.version + 1 },
  };
}
