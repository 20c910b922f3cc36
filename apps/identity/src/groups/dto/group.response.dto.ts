import type { GroupConfidentiality } from '@lms/contracts';
import type { Group, GroupStatus } from '../domain/group';

export class GroupDeletionResponseDto {
  requestedAt!: string;
  /** Members removed by the deletion so far. */
  membersRemoved!: number;
}

export class GroupResponseDto {
  id!: string;
  name!: string;
  confidentiality!: GroupConfidentiality;
  /** `deleting` while its members are leaving it after a `DELETE`. */
  status!: GroupStatus;
  /** How far the deletion got; null unless the group is being deleted. */
  deletion!: GroupDeletionResponseDto | null;
  createdAt!: string;
  version!: number;

  static from(group: Group): GroupResponseDto {
    return {
      id: group.id,
      name: group.name,
      confidentiality: group.confidentiality,
      status: group.status,
      deletion: group.deletion
        ? {
            requestedAt: group.deletion.requestedAt.toISOString(),
            membersRemoved: group.deletion.membersRemoved,
          }
        : null,
      createdAt: group.createdAt.toISOString(),
      version: group.version,
    };
  }
}
