import { ArrayUnique, IsArray, IsString, IsUUID, Length } from 'class-validator';
import { defineStream } from '../define-stream';

/** Full state of a unit (ID-G3): its name and the users who manage it. */
export class UnitStateV1 {
  @IsUUID() unitId!: string;
  @IsString() @Length(1, 200) name!: string;
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) managerIds!: string[];
}

/** Full state of a team (ID-G3): its unit, its name and the users who manage it (members travel apart). */
export class TeamStateV1 {
  @IsUUID() teamId!: string;
  @IsUUID() unitId!: string;
  @IsString() @Length(1, 200) name!: string;
  @IsArray() @ArrayUnique() @IsUUID('all', { each: true }) managerIds!: string[];
}

export class UnitCreatedV1 extends UnitStateV1 {}
/** A new name or a change of managers; the payload is the new state. */
export class UnitUpdatedV1 extends UnitStateV1 {}
/** The unit is gone (it had no team left). */
export class UnitDeletedV1 extends UnitStateV1 {}

export class TeamCreatedV1 extends TeamStateV1 {}
/** A new name or a change of managers; the payload is the new state. */
export class TeamUpdatedV1 extends TeamStateV1 {}
/** The team is gone, and its members with it. */
export class TeamDeletedV1 extends TeamStateV1 {}

/** A user starts or stops managing a unit: the user, and the unit's new full state. */
export class UnitManagerChangedV1 extends UnitStateV1 {
  @IsUUID() userId!: string;
}

/** A user starts or stops managing a team: the user, and the team's new full state. */
export class TeamManagerChangedV1 extends TeamStateV1 {
  @IsUUID() userId!: string;
}

/** A user joins or leaves a team (its members are agents, ID-R1). */
export class TeamMemberChangedV1 {
  @IsUUID() unitId!: string;
  @IsUUID() teamId!: string;
  @IsUUID() userId!: string;
}

/** ID-G4: a manager starts or stops monitoring a managee. */
export class ManageeChangedV1 {
  @IsUUID() managerId!: string;
  @IsUUID() manageeId!: string;
}

/** The aggregate id of a manager relation: one per (manager, managee) pair within a tenant. */
export function managerRelationAggregateId(managerId: string, manageeId: string): string {
  return `${managerId}:${manageeId}`;
}

/**
 * Units, teams and manager relations of identity (ID-G3, ID-G4). A unit's or a team's events
 * share its id as aggregate, so that they arrive in order, each with the node's new version;
 * every one but a member's change carries the node's full state. A manager relation's events
 * have the pair (manager, managee) as aggregate.
 */
export const OrganisationStream = defineStream({
  topic: 'identity.organisation.v1',
  partitions: 6,
  owner: 'identity',
  schemaVersion: 1,
  key: (e) => `${e.tenantId}:${e.aggregateId}`,
  events: {
    'unit.created': UnitCreatedV1,
    'unit.updated': UnitUpdatedV1,
    'unit.deleted': UnitDeletedV1,
    'unit.manager-added': UnitManagerChangedV1,
    'unit.manager-removed': UnitManagerChangedV1,
    'team.created': TeamCreatedV1,
    'team.updated': TeamUpdatedV1,
    'team.deleted': TeamDeletedV1,
    'team.manager-added': TeamManagerChangedV1,
    'team.manager-removed': TeamManagerChangedV1,
    'team.member-added': TeamMemberChangedV1,
    'team.member-removed': TeamMemberChangedV1,
    'manager.managee-added': ManageeChangedV1,
    'manager.managee-removed': ManageeChangedV1,
  },
});
