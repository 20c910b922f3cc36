import { Inject, Injectable } from '@nestjs/common';
import { uuidV7 } from '@lms/observability';
import { CLOCK, type Clock } from '@lms/service-kit';
import type { MembershipChange } from '../../memberships/domain/membership';
import {
  MEMBERSHIP_PROJECTION_REPOSITORY,
  type MembershipProjectionRepository,
} from '../../memberships/ports/membership-projection.repository';
import type { ProjectionOutcome } from '../../shared/projection-outcome';
import { deriveAssignment, type Assignment } from '../domain/assignment';
import { planMemberAssignments } from '../domain/membership-matching';
import { ASSIGNMENT_REPOSITORY, type AssignmentRepository } from '../ports/assignment.repository';
import {
  GROUP_ASSIGNMENT_REPOSITORY,
  type GroupAssignmentRepository,
} from '../ports/group-assignment.repository';
import { DerivedAssignmentsService } from './derived-assignments.service';

export interface MembershipEventOutcome {
  projection: ProjectionOutcome;
  created: number;
  ended: number;
}

/**
 * A membership event (CO-A11): updates the membership projection, then brings the member's
 * derived assignments in the group in line with it: a matching member gets one from every
 * current group assignment of the group; a removed member, or one whose roles no longer
 * match, has them ended.
 *
 * The projection is written FIRST and the group assignments are read AFTER it: together with
 * the fan-out reading the projection only after its group assignment is stored, this means no
 * membership change can slip between a group assignment's fan-out and this handler (see
 * RunGroupFanOutUseCase for the whole argument).
 *
 * The assignments follow the projection's state, not the event's: a stale or redelivered event
 * changes nothing in the projection, and the reconciliation that follows finds nothing to do,
 * unless an earlier delivery crashed between the two steps, in which case it finishes the job.
 */
@Injectable()
export class ApplyMembershipEventUseCase {
  constructor(
    @Inject(MEMBERSHIP_PROJECTION_REPOSITORY) private readonly memberships: MembershipProjectionRepository,
    @Inject(GROUP_ASSIGNMENT_REPOSITORY) private readonly groupAssignments: GroupAssignmentRepository,
    @Inject(ASSIGNMENT_REPOSITORY) private readonly assignments: AssignmentRepository,
    private readonly derived: DerivedAssignmentsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(change: MembershipChange): Promise<MembershipEventOutcome> {
    const { tenantId, groupId, userId } = change;
    const projection = await this.memberships.apply(change);
    const membership = await this.memberships.find(tenantId, groupId, userId);
    const groupAssignments = await this.groupAssignments.listCurrentByGroup(tenantId, groupId);
    const currentAssignments = await this.assignments.listCurrentDerivedOfMember(tenantId, groupId, userId);
    const plan = planMemberAssignments({ membership, groupAssignments, currentAssignments });
    const now = this.clock.now();
    const drafts =
      membership === null
        ? []
        : plan.toCreate
            .map((groupAssignment) => deriveAssignment(groupAssignment, membership, { id: uuidV7(), now }))
            .filter((assignment): assignment is Assignment => assignment !== null);
    const created = await this.derived.create(tenantId, drafts);
    const ended = await this.derived.end(tenantId, plan.toEnd);
    return { projection, created: created.length, ended };
  }
}
