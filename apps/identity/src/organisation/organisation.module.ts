import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { UserStoreModule } from '../users/user-store.module';
import { MANAGER_RELATION_MODEL, ManagerRelationSchema } from './infra/manager-relation.schema';
import { MongoManagerRelationRepository } from './infra/mongo-manager-relation.repository';
import { MongoOrganisationNodeRepository } from './infra/mongo-organisation-node.repository';
import { ORGANISATION_NODE_MODEL, OrganisationNodeSchema } from './infra/organisation-node.schema';
import { ManageesController } from './managees.controller';
import { MANAGER_RELATION_REPOSITORY } from './ports/manager-relation.repository';
import { ORGANISATION_NODE_REPOSITORY } from './ports/organisation-node.repository';
import { UnitsController } from './units.controller';
import { AddManageesUseCase } from './use-cases/add-managees.use-case';
import { ChangeNodeManagerUseCase } from './use-cases/change-node-manager.use-case';
import { ChangeTeamMemberUseCase } from './use-cases/change-team-member.use-case';
import { CreateTeamUseCase } from './use-cases/create-team.use-case';
import { CreateUnitUseCase } from './use-cases/create-unit.use-case';
import { DeleteNodeUseCase } from './use-cases/delete-node.use-case';
import { DerivedRoleRefresh } from './use-cases/derived-role-refresh';
import { GetNodeUseCase } from './use-cases/get-node.use-case';
import { ListManageesUseCase } from './use-cases/list-managees.use-case';
import { ListTeamsUseCase } from './use-cases/list-teams.use-case';
import { ListUnitsUseCase } from './use-cases/list-units.use-case';
import { NodePersonChange } from './use-cases/node-person-change';
import { NodeWriter } from './use-cases/node-writes';
import { RemoveManageeUseCase } from './use-cases/remove-managee.use-case';
import { RenameNodeUseCase } from './use-cases/rename-node.use-case';

/** Units, teams, managers and managees (ID-G3, ID-G4), and the roles they derive (ID-R1). */
@Module({
  imports: [UserStoreModule],
  controllers: [UnitsController, ManageesController],
  providers: [
    mongoModel(ORGANISATION_NODE_MODEL, OrganisationNodeSchema),
    { provide: ORGANISATION_NODE_REPOSITORY, useClass: MongoOrganisationNodeRepository },
    mongoModel(MANAGER_RELATION_MODEL, ManagerRelationSchema),
    { provide: MANAGER_RELATION_REPOSITORY, useClass: MongoManagerRelationRepository },
    NodeWriter,
    DerivedRoleRefresh,
    NodePersonChange,
    CreateUnitUseCase,
    CreateTeamUseCase,
    GetNodeUseCase,
    ListUnitsUseCase,
    ListTeamsUseCase,
    RenameNodeUseCase,
    DeleteNodeUseCase,
    ChangeNodeManagerUseCase,
    ChangeTeamMemberUseCase,
    AddManageesUseCase,
    ListManageesUseCase,
    RemoveManageeUseCase,
  ],
})
export class OrganisationModule {}
