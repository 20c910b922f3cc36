import { foldNewestState } from '@lms/kernel';

/**
 * A tenant's permission profile as learning knows it (ID-U2), from identity's profile events:
 * its name and rights. A name defined again after its profile was deleted is a new profile
 * (a later id); the newest profile of a name is the one its holders hold.
 */
export interface ProfileRights {
  tenantId: string;
  profileId: string;
  name: string;
  rights: string[];
  /** The profile aggregate's version last applied: older events are ignored (rule 2). */
  version: number;
}

/** The natural key of a profile: also its document id in the projection. */
export function profileRightsKey(profile: Pick<ProfileRights, 'tenantId' | 'profileId'>): string {
  return `${profile.tenantId}:${profile.profileId}`;
}

/** One profile's definitions of a batch folded into the write that brings it to the newest. */
export function foldProfileDefinitions(
  storedVersion: number | null,
  definitions: readonly ProfileRights[],
): { newer: boolean[]; write: ProfileRights | null } {
  return foldNewestState(storedVersion, definitions);
}

/** Of the profiles defined under one name, the one its holders hold: the newest (ids are UUIDv7). */
export function currentOf(profiles: readonly ProfileRights[]): ProfileRights | null {
  return profiles.reduce<ProfileRights | null>(
    (newest, profile) => (newest === null || profile.profileId > newest.profileId ? profile : newest),
    null,
  );
}
