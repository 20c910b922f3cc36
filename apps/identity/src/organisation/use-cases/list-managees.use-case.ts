import { Inject, Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@lms/kernel';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import { UserNotFoundError } from '../../users/users.errors';
import type { ManagerRelation } from '../domain/manager-relation';
import {
  MANAGER_RELATION_REPOSITORY,
  type ManagerRelationRepository,
} from '../ports/manager-relation.repository';

/** ID-G4: a manager's managees, in the order they were first given. */
@Injectable()
export class ListManageesUseCase {
  constructor(
    @Inject(MANAGER_RELATION_REPOSITORY) private readonly relations: ManagerRelationRepository,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
  ) {}

  async execute(query: {
    tenantId: string;
    managerId: string;
    page: PageRequest;
  }): Promise<Page<ManagerRelation>> {
    if (!(await this.users.findById(query.tenantId, query.managerId)))
      throw new UserNotFoundError(query.managerId);
    return this.relations.listManagees(query.tenantId, query.managerId, query.page);
  }
}
