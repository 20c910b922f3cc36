import { Inject, Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@lms/kernel';
import type { Team } from '../domain/organisation-node';
import {
  ORGANISATION_NODE_REPOSITORY,
  type OrganisationNodeRepository,
} from '../ports/organisation-node.repository';
import { NodeWriter } from './node-writes';

/** ID-G3: a unit's teams, in creation order. */
@Injectable()
export class ListTeamsUseCase {
  constructor(
    @Inject(ORGANISATION_NODE_REPOSITORY) private readonly nodes: OrganisationNodeRepository,
    private readonly writer: NodeWriter,
  ) {}

  async execute(query: { tenantId: string; unitId: string; page: PageRequest }): Promise<Page<Team>> {
    await this.writer.find({ tenantId: query.tenantId, unitId: query.unitId });
    return this.nodes.listTeams(query.tenantId, query.unitId, query.page);
  }
}
