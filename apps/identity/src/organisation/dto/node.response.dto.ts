import type { OrganisationNode } from '../domain/organisation-node';

export class UnitResponseDto {
  id!: string;
  name!: string;
  /** Users who manage the unit (ID-G3), in the order they were set. */
  managerIds!: string[];
  createdAt!: string;
  updatedAt!: string;
  version!: number;

  static from(unit: OrganisationNode): UnitResponseDto {
    return {
      id: unit.id,
      name: unit.name,
      managerIds: [...unit.managerIds],
      createdAt: unit.createdAt.toISOString(),
      updatedAt: unit.updatedAt.toISOString(),
      version: unit.version,
    };
  }
}

export class TeamResponseDto {
  id!: string;
  unitId!: string;
  name!: string;
  /** Users who manage the team (ID-G3), in the order they were set. */
  managerIds!: string[];
  /** The team's members, its agents (ID-R1), in the order they joined. */
  memberIds!: string[];
  createdAt!: string;
  updatedAt!: string;
  version!: number;

  static from(team: OrganisationNode): TeamResponseDto {
    return {
      id: team.id,
      unitId: team.unitId ?? team.id,
      name: team.name,
      managerIds: [...team.managerIds],
      memberIds: [...team.memberIds],
      createdAt: team.createdAt.toISOString(),
      updatedAt: team.updatedAt.toISOString(),
      version: team.version,
    };
  }
}
