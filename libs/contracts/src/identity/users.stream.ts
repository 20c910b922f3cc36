import { IsEmail, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { defineStream } from '../define-stream';

export const USER_STATES = ['activated', 'active', 'deactivated', 'expired'] as const;
export type UserState = (typeof USER_STATES)[number];

/** Full state of a user (event-carried state transfer): a projection needs nothing else. */
export class UserStateV1 {
  @IsUUID() userId!: string;
  @IsEmail() email!: string;
  @IsString() @Length(1, 100) firstName!: string;
  @IsString() @Length(1, 100) lastName!: string;
  @IsString() @Length(2, 10) locale!: string;
  @IsIn(USER_STATES) state!: UserState;
}

export class UserCreatedV1 extends UserStateV1 {}

export const UsersStream = defineStream({
  topic: 'identity.users.v1',
  partitions: 6,
  owner: 'identity',
  schemaVersion: 1,
  key: (e) => `${e.tenantId}:${e.aggregateId}`,
  events: {
    'user.created': UserCreatedV1,
  },
});
