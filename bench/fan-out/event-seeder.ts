import { GroupMembershipsStream, membershipAggregateId, UsersStream } from '@lms/contracts';
import { EventFactory, type EventProducer, type OutboxEntry } from '@lms/messaging';
import { runWithContext, uuidV7 } from '@lms/observability';

/** Events per produce request: about what the outbox relay sends at once. */
const SEND_BATCH_SIZE = 500;

export interface SeededGroup {
  groupId: string;
  coachId: string;
  learnerIds: string[];
  /** Events published (users and memberships). */
  events: number;
  publishMs: number;
}

/**
 * Puts a coach and `members` learners of one group on the real topics exactly as the
 * identity service would publish them (`user.created`, then `membership.added` with the
 * learner role), without going through identity's HTTP API and database: the benchmark
 * measures what follows a membership, not how fast users can be registered.
 */
export class EventSeeder {
  private readonly events = new EventFactory('identity');

  constructor(
    private readonly producer: EventProducer,
    private readonly tenantId: string,
    private readonly correlationId: string,
  ) {}

  async seedGroup(members: number, run: string): Promise<SeededGroup> {
    const startedAt = Date.now();
    const groupId = uuidV7();
    const coachId = uuidV7();
    const learnerIds = Array.from({ length: members }, () => uuidV7());
    // Users first, on their own stream: the services know every person before the first
    // membership names them, as they would after identity's own writes.
    const users = [
      this.userCreated(coachId, `coach.${run}@bench.example.com`, 'Carla', 'Coach'),
      ...learnerIds.map((id, i) =>
        this.userCreated(id, `learner-${i}.${run}@bench.example.com`, `Learner${i}`, 'Bench'),
      ),
    ];
    await this.sendInBatches(users);
    const memberships = learnerIds.map((userId) =>
      this.create(() =>
        this.events.create(GroupMembershipsStream, 'membership.added', {
          tenantId: this.tenantId,
          aggregateId: membershipAggregateId(groupId, userId),
          aggregateVersion: 1,
          payload: { groupId, userId, roles: ['learner'] },
        }),
      ),
    );
    await this.sendInBatches(memberships);
    return {
      groupId,
      coachId,
      learnerIds,
      events: users.length + memberships.length,
      publishMs: Date.now() - startedAt,
    };
  }

  private userCreated(userId: string, email: string, firstName: string, lastName: string): OutboxEntry {
    return this.create(() =>
      this.events.create(UsersStream, 'user.created', {
        tenantId: this.tenantId,
        aggregateId: userId,
        aggregateVersion: 1,
        payload: { userId, email, firstName, lastName, locale: 'en', state: 'activated' },
      }),
    );
  }

  /** Every event carries the benchmark run's correlation id, so the services' logs can be grepped for it. */
  private create(make: () => OutboxEntry): OutboxEntry {
    return runWithContext({ correlationId: this.correlationId, causationId: null }, make);
  }

  private async sendInBatches(entries: readonly OutboxEntry[]): Promise<void> {
    for (let start = 0; start < entries.length; start += SEND_BATCH_SIZE) {
      await this.producer.send(entries.slice(start, start + SEND_BATCH_SIZE));
    }
  }
}
