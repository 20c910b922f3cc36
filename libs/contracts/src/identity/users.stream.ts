import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
} from 'class-validator';
import { defineStream } from '../define-stream';

export const USER_STATES = ['activated', 'active', 'deactivated', 'expired'] as const;
export type UserState = (typeof USER_STATES)[number];

/** Platform levels of seed 004 (ID-U2): what a user may administer, before any role. */
export const PLATFORM_LEVELS = ['user', 'power_user', 'superadmin'] as const;
export type PlatformLevel = (typeof PLATFORM_LEVELS)[number];

/** Administrative roles of seed 002 (ID-R1); Manager and Agent are derived, never assigned. */
export const ADMIN_ROLES = ['system_admin', 'application_admin'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

/** The groups whose members a power user manages (ID-U2), with what its permission profile allows. */
export class PowerUserScopeV1 {
  @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true }) groupIds!: string[];
}

/** Full state of a user (event-carried state transfer): a projection needs nothing else. */
export class UserStateV1 {
  @IsUUID() userId!: string;
  @IsEmail() email!: string;
  @IsString() @Length(1, 100) firstName!: string;
  @IsString() @Length(1, 100) lastName!: string;
  @IsString() @Length(2, 10) locale!: string;
  /** IANA time zone, e.g. `Europe/Rome`. */
  @IsString() @Length(1, 64) timezone!: string;
  @IsIn(PLATFORM_LEVELS) level!: PlatformLevel;
  @IsArray() @IsIn(ADMIN_ROLES, { each: true }) adminRoles!: AdminRole[];
  /** Free key/value pairs, compared exactly. */
  @IsObject() customFields!: Record<string, string>;
  @IsIn(USER_STATES) state!: UserState;
  /** ISO 8601 instant the account expires at; null: never. */
  @IsOptional() @IsISO8601() expiresAt!: string | null;
  /**
   * ID-R1: derived, never assigned: the user manages a unit or a team, or has a managee.
   * Always sent; absent only from events written before roles were derived (false).
   */
  @IsOptional() @IsBoolean() isManager?: boolean;
  /** ID-R1: derived: the user is a member of a team. Absent only from older events (false). */
  @IsOptional() @IsBoolean() isAgent?: boolean;
  /**
   * ID-U2: a power user's scope; null: none. It acts there with the rights of
   * `permissionProfile` (see the permission-profiles stream). Absent only from older events.
   */
  @IsOptional() @IsObject() powerUserScope?: PowerUserScopeV1 | null;
  /** ID-U2: the name of the power user's permission profile; null: none. Absent only from older events. */
  @IsOptional() @IsString() @Length(1, 64) permissionProfile?: string | null;
}

export class UserCreatedV1 extends UserStateV1 {}
/** Any change of a user: profile, level, roles, state or expiry; the payload is the new state. */
export class UserUpdatedV1 extends UserStateV1 {}

/** The account is gone; projections drop it. */
export class UserDeletedV1 {
  @IsUUID() userId!: string;
}

export const UsersStream = defineStream({
  topic: 'identity.users.v1',
  partitions: 6,
  compacted: true,
  owner: 'identity',
  schemaVersion: 1,
  key: (e) => `${e.tenantId}:${e.aggregateId}`,
  events: {
    'user.created': UserCreatedV1,
    'user.updated': UserUpdatedV1,
    'user.deleted': UserDeletedV1,
  },
});
