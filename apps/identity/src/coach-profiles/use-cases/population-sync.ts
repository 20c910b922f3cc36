import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@lms/kernel';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { populationMemberEvent } from '../coach-profile-events';
import {
  decideMembership,
  populationMemberId,
  type MembershipVerdict,
  type PopulationMember,
} from '../domain/population-member';
import {
  COACH_POPULATION_REPOSITORY,
  type CoachPopulationRepository,
  type PopulationMemberWrite,
} from '../ports/coach-population.repository';

/** Rounds of reading again the members another writer changed first. */
const ATTEMPTS = 3;

/**
 * Brings stored population members in line with verdicts (ID-C3), with each change's event in
 * the member's write (rule 1). A user is noted as possibly in a coach's population before it
 * is added, and forgotten only after it was removed, so that the note is never less than the
 * population: the next change of the user finds every coach to check. A member another writer
 * changed first is read and decided again.
 */
@Injectable()
export class PopulationSync {
  constructor(
    @Inject(COACH_POPULATION_REPOSITORY) private readonly population: CoachPopulationRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Applies verdicts of one tenant; answers how many members were added and removed. */
  async apply(
    tenantId: string,
    verdicts: readonly MembershipVerdict[],
  ): Promise<{ added: number; removed: number }> {
    const counts = { added: 0, removed: 0 };
    let pending = [...verdicts];
    for (let attempt = 0; attempt < ATTEMPTS && pending.length > 0; attempt++) {
      const stored = new Map(
        (await this.population.findMembers(tenantId, pending)).map((member) => [member.id, member]),
      );
      const now = this.clock.now();
      const writes: PopulationMemberWrite[] = [];
      for (const verdict of pending) {
        const previous = stored.get(populationMemberId(tenantId, verdict.coachId, verdict.userId)) ?? null;
        const decision = decideMembership(previous, verdict, now);
        if (decision.outcome === 'unchanged') continue;
        writes.push({
          member: decision.member,
          expectedVersion: previous?.version ?? null,
          outbox: [populationMemberEvent(this.events, decision.member)],
        });
      }
      if (writes.length === 0) break;
      const members = writes.map((write) => write.member);
      await this.population.rememberCoaches(tenantId, coachesByUser(members, 'member'));
      const stale = new Set(await this.population.writeMembers(writes));
      const written = members.filter((member) => !stale.has(member.id));
      await this.population.forgetCoaches(tenantId, coachesByUser(written, 'removed'));
      for (const member of written) counts[member.status === 'member' ? 'added' : 'removed']++;
      pending = pending.filter((verdict) =>
        stale.has(populationMemberId(tenantId, verdict.coachId, verdict.userId)),
      );
    }
    return counts;
  }
}

function coachesByUser(
  members: readonly PopulationMember[],
  status: PopulationMember['status'],
): Map<string, string[]> {
  const byUser = new Map<string, string[]>();
  for (const member of members)
    if (member.status === status)
      byUser.set(member.userId, [...(byUser.get(member.userId) ?? []), member.coachId]);
  return byUser;
}
