import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import {
  GROUP_MEMBERSHIP_REPOSITORY,
  type GroupMembershipRepository,
} from '../../memberships/ports/group-membership.repository';
import { LEARNING_CONFIG, type LearningConfig } from '../../config/learning.config';
import { qualifies, recordPage } from '../domain/group-enrollment';
import {
  GROUP_ENROLLMENT_REPOSITORY,
  type GroupEnrollmentRepository,
} from '../ports/group-enrollment.repository';
import { GroupMemberEnroller } from './group-member-enroller';

/**
 * LE-G1: one chunk of a group enrollment's job: the next page of the group's active members
 * (in `userId` order, after the last one done), those holding a chosen role enrolled, the
 * page's progress saved by compare-and-set. A chunk run twice enrolls nobody twice (the
 * enrollments are unique per course and learner, per plan and learner).
 */
@Injectable()
export class RunGroupEnrollmentUseCase {
  constructor(
    @Inject(GROUP_ENROLLMENT_REPOSITORY) private readonly groupEnrollments: GroupEnrollmentRepository,
    @Inject(GROUP_MEMBERSHIP_REPOSITORY) private readonly memberships: GroupMembershipRepository,
    private readonly enroller: GroupMemberEnroller,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LEARNING_CONFIG) private readonly config: LearningConfig,
  ) {}

  /** Runs every chunk until done (scripts and tests; the service runs it as a job). */
  async execute(command: { tenantId: string; groupEnrollmentId: string }): Promise<void> {
    for (let more = true; more; ) more = (await this.runChunk(command)).more;
  }

  async runChunk(command: { tenantId: string; groupEnrollmentId: string }): Promise<{ more: boolean }> {
    const group = await this.groupEnrollments.findById(command.tenantId, command.groupEnrollmentId);
    if (!group || group.status !== 'running') return { more: false };
    const size = this.config.groupEnrollmentChunkSize;
    const members = await this.memberships.listMembers(group.tenantId, group.groupId, group.cursor, size);
    const chosen = members.filter((member) => qualifies(group, member.roles)).map((member) => member.userId);
    const outcomes = await this.enroller.enroll(group, chosen);
    const last = members.length < size ? null : (members[members.length - 1]?.userId ?? null);
    const next = recordPage(
      group,
      { membersRead: members.length, lastUserId: last, outcomes },
      this.clock.now(),
    );
    // Stale: ended, or another run saved this page meanwhile; the next call reads where it got to.
    if (!(await this.groupEnrollments.save(next, group.version))) return { more: true };
    return { more: next.status === 'running' };
  }
}
