import { IsIn, IsString, IsUUID, Length } from 'class-validator';
import { defineStream } from '../define-stream';

export const GROUP_CONFIDENTIALITIES = ['public', 'private'] as const;
export type GroupConfidentiality = (typeof GROUP_CONFIDENTIALITIES)[number];

export class GroupStateV1 {
  @IsUUID() groupId!: string;
  @IsString() @Length(1, 200) name!: string;
  @IsIn(GROUP_CONFIDENTIALITIES) confidentiality!: GroupConfidentiality;
}

export class GroupCreatedV1 extends GroupStateV1 {}
export class GroupUpdatedV1 extends GroupStateV1 {}
/** The group's full state after a rename. */
export class GroupRenamedV1 extends GroupStateV1 {}
/** The group's full state after its confidentiality changed. */
export class GroupConfidentialityChangedV1 extends GroupStateV1 {}
/** The group's last state: every member has left it (each with `membership.removed`) and it is gone. */
export class GroupDeletedV1 extends GroupStateV1 {}

export const GroupsStream = defineStream({
  topic: 'identity.groups.v1',
  partitions: 3,
  owner: 'identity',
  schemaVersion: 1,
  key: (e) => `${e.tenantId}:${e.aggregateId}`,
  events: {
    'group.created': GroupCreatedV1,
    'group.updated': GroupUpdatedV1,
    'group.renamed': GroupRenamedV1,
    'group.confidentiality-changed': GroupConfidentialityChangedV1,
    'group.deleted': GroupDeletedV1,
  },
});
