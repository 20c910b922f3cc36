import type { GroupConfidentiality } from '@lms/contracts';
import type { Group } from '../domain/group';

export class GroupResponseDto {
  id!: string;
  name!: string;
  confidentiality!: GroupConfidentiality;
  createdAt!: string;
  version!: number;

  static from(group: Group): GroupResponseDto {
    return {
      id: group.id,
      name: group.name,
      confidentiality: group.confidentiality,
      createdAt: group.createdAt.toISOString(),
      version: group.version,
    };
  }
}
