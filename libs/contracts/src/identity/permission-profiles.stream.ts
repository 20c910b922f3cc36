import { ArrayMaxSize, IsArray, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { defineStream } from '../define-stream';
import { PERMISSION_RIGHTS, type PermissionRight } from './permission-rights';

/**
 * A permission profile as defined now (ID-U2): the rights a power user holding it has over the
 * users of its scope. A profile is deleted only while no user holds it, so consumers need no
 * deletion event: a profile defined again under the same name is a new one (a new, later
 * `profileId`, UUIDv7), and the newest profile of a name is the one users hold.
 */
export class PermissionProfileDefinedV1 {
  @IsUUID() profileId!: string;
  @IsString() @Length(1, 64) name!: string;
  @IsArray()
  @ArrayMaxSize(PERMISSION_RIGHTS.length)
  @IsIn(PERMISSION_RIGHTS, { each: true })
  rights!: PermissionRight[];
}

/**
 * The tenants' permission profiles, for the services that enforce a right of theirs (learning
 * `enrollments.manage`). Keyed by the profile: a consumer sees its definitions in order.
 */
export const PermissionProfilesStream = defineStream({
  topic: 'identity.permission-profiles.v1',
  partitions: 3,
  compacted: true,
  owner: 'identity',
  schemaVersion: 1,
  key: (e) => `${e.tenantId}:${e.aggregateId}`,
  events: {
    'permission-profile.defined': PermissionProfileDefinedV1,
  },
});
