import { Injectable } from '@nestjs/common';
import type { OrganisationNode } from '../domain/organisation-node';
import { NodeWriter, type NodeRef } from './node-writes';

/** ID-G3: a unit, or a team of a unit. */
@Injectable()
export class GetNodeUseCase {
  constructor(private readonly writer: NodeWriter) {}

  execute(query: NodeRef): Promise<OrganisationNode> {
    return this.writer.find(query);
  }
}
