import { Inject, Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@lms/kernel';
import type { Unit } from '../domain/organisation-node';
import {
  ORGANISATION_NODE_REPOSITORY,
  type OrganisationNodeRepository,
} from '../ports/organisation-node.repository';

/** ID-G3: the tenant's units, in creation order. */
@Injectable()
export class ListUnitsUseCase {
  constructor(@Inject(ORGANISATION_NODE_REPOSITORY) private readonly nodes: OrganisationNodeRepository) {}

  execute(query: { tenantId: string; page: PageRequest }): Promise<Page<Unit>> {
    return this.nodes.listUnits(query.tenantId, query.page);
  }
}
