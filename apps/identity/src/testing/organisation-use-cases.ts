import type { EventFactory } from '@lms/messaging';
import type { FixedClock } from '@lms/testing';
import type { ManagerRelation } from '../organisation/domain/manager-relation';
import type { Team, Unit } from '../organisation/domain/organisation-node';
import { AddManageesUseCase } from '../organisation/use-cases/add-managees.use-case';
import { ChangeNodeManagerUseCase } from '../organisation/use-cases/change-node-manager.use-case';
import { ChangeTeamMemberUseCase } from '../organisation/use-cases/change-team-member.use-case';
import { CreateTeamUseCase } from '../organisation/use-cases/create-team.use-case';
import { CreateUnitUseCase } from '../organisation/use-cases/create-unit.use-case';
import { DeleteNodeUseCase } from '../organisation/use-cases/delete-node.use-case';
import { DerivedRoleRefresh } from '../organisation/use-cases/derived-role-refresh';
import { GetNodeUseCase } from '../organisation/use-cases/get-node.use-case';
import { ListManageesUseCase } from '../organisation/use-cases/list-managees.use-case';
import { ListTeamsUseCase } from '../organisation/use-cases/list-teams.use-case';
import { ListUnitsUseCase } from '../organisation/use-cases/list-units.use-case';
import { NodePersonChange } from '../organisation/use-cases/node-person-change';
import { NodeWriter } from '../organisation/use-cases/node-writes';
import { RemoveManageeUseCase } from '../organisation/use-cases/remove-managee.use-case';
import { RenameNodeUseCase } from '../organisation/use-cases/rename-node.use-case';
import type { UserRepository } from '../users/ports/user.repository';
import type { UserWriter } from '../users/use-cases/user-writes';
import { InMemoryManagerRelationRepository } from './in-memory-manager-relation.repository';
import { InMemoryOrganisationNodeRepository } from './in-memory-organisation-node.repository';
import type { RecordingOutbox } from './recording-outbox';

/**
 * The organisation use cases (units, teams, managers, managees: ID-G3, ID-G4) over in-memory
 * repositories, for the identity testbed: they share its users, user writer, outbox and clock,
 * so that the derived roles (ID-R1) land on the testbed's users. The `given*` functions drain
 * the outbox, so a test sees only the events of its "when".
 */
export function organisationUseCases(deps: {
  users: UserRepository;
  writer: UserWriter;
  events: EventFactory;
  clock: FixedClock;
  outbox: RecordingOutbox;
}) {
  const { users, writer, events, clock, outbox } = deps;
  const organisationNodes = new InMemoryOrganisationNodeRepository(outbox);
  const managerRelations = new InMemoryManagerRelationRepository(outbox);
  const nodeWriter = new NodeWriter(organisationNodes);
  const derivedRoles = new DerivedRoleRefresh(organisationNodes, managerRelations, writer, clock);
  const nodePeople = new NodePersonChange(nodeWriter, users, derivedRoles);
  const useCases = {
    organisationNodes,
    managerRelations,
    createUnit: new CreateUnitUseCase(organisationNodes, events, clock),
    createTeam: new CreateTeamUseCase(organisationNodes, nodeWriter, events, clock),
    getNode: new GetNodeUseCase(nodeWriter),
    listUnits: new ListUnitsUseCase(organisationNodes),
    listTeams: new ListTeamsUseCase(organisationNodes, nodeWriter),
    renameNode: new RenameNodeUseCase(nodeWriter, events, clock),
    deleteNode: new DeleteNodeUseCase(organisationNodes, nodeWriter, derivedRoles, events, clock),
    changeNodeManager: new ChangeNodeManagerUseCase(nodePeople, events, clock),
    changeTeamMember: new ChangeTeamMemberUseCase(nodePeople, events, clock),
    addManagees: new AddManageesUseCase(managerRelations, users, derivedRoles, events, clock),
    listManagees: new ListManageesUseCase(managerRelations, users),
    removeManagee: new RemoveManageeUseCase(managerRelations, derivedRoles, events, clock),
  };
  return {
    ...useCases,

    async givenUnit(tenantId: string, name = 'North'): Promise<Unit> {
      const unit = await useCases.createUnit.execute({ tenantId, name });
      outbox.drain();
      return unit;
    },

    async givenTeam(unit: Unit, name = 'Sales'): Promise<Team> {
      const team = await useCases.createTeam.execute({ tenantId: unit.tenantId, unitId: unit.id, name });
      outbox.drain();
      return team;
    },

    /** The relation of a manager and one managee (ID-G4), made through the use case. */
    async givenManagee(
      tenantId: string,
      managerId: string,
      manageeId: string,
    ): Promise<ManagerRelation | null> {
      await useCases.addManagees.execute({ tenantId, managerId, userIds: [manageeId] });
      outbox.drain();
      return managerRelations.find(tenantId, managerId, manageeId);
    },
  };
}
