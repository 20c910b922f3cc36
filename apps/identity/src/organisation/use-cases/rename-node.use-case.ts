import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { assertExpectedVersion, CLOCK, type Clock } from '@lms/kernel';
import { renameNode, type OrganisationNode } from '../domain/organisation-node';
import { nodeEvent } from '../organisation-events';
import { NodeWriter, type NodeRef } from './node-writes';

export interface RenameNodeCommand extends NodeRef {
  name: string;
  /** The version the caller read (`If-Match`): another one refuses the change (412). */
  expectedVersion?: number;
}

/** ID-G3: renames a unit or a team; publishes `unit.updated` or `team.updated`, nothing for the same name. */
@Injectable()
export class RenameNodeUseCase {
  constructor(
    private readonly writer: NodeWriter,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: RenameNodeCommand): Promise<OrganisationNode> {
    const written = await this.writer.change(
      command,
      (node) => {
        assertExpectedVersion(command.expectedVersion, node.version);
        return renameNode(node, command.name, this.clock.now());
      },
      (node) => [nodeEvent(this.events, 'updated', node)],
    );
    return written.node;
  }
}
