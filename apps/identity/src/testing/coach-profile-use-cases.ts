import { EventFactory } from '@lms/messaging';
import type { JobQueue } from '@lms/jobs';
import {
  GetCoachPopulationUseCase,
  GetCoachProfileUseCase,
  ListCoachProfilesUseCase,
} from '../coach-profiles/use-cases/coach-profile-queries';
import { CoachLearnerLinks } from '../coach-profiles/use-cases/coach-learner-links';
import { DefineCoachProfileUseCase } from '../coach-profiles/use-cases/define-coach-profile.use-case';
import { DeleteCoachProfileUseCase } from '../coach-profiles/use-cases/delete-coach-profile.use-case';
import { FollowUserChangesUseCase } from '../coach-profiles/use-cases/follow-user-changes.use-case';
import { PopulationSync } from '../coach-profiles/use-cases/population-sync';
import { RecomputeCoachPopulationUseCase } from '../coach-profiles/use-cases/recompute-coach-population.use-case';
import type { IdentityTestbed } from './identity-testbed';
import { InMemoryCoachLearnerLinkRepository } from './in-memory-coach-learner-link.repository';
import { InMemoryCoachPopulationRepository } from './in-memory-coach-population.repository';
import { InMemoryCoachProfileRepository } from './in-memory-coach-profile.repository';

/** The coach profile use cases (ID-C1, ID-C3) over the testbed's users, outbox, clock and jobs. */
export function coachProfileUseCases(testbed: IdentityTestbed) {
  const events = new EventFactory('identity');
  const coachProfiles = new InMemoryCoachProfileRepository(testbed.outbox);
  const population = new InMemoryCoachPopulationRepository(testbed.outbox);
  const jobQueue: JobQueue = { enqueue: (job) => testbed.jobs.enqueue(job, testbed.clock.now()) };
  const sync = new PopulationSync(population, events, testbed.clock);
  const learnerLinks = new InMemoryCoachLearnerLinkRepository();
  const links = new CoachLearnerLinks(learnerLinks, coachProfiles, testbed.clock);
  return {
    coachProfiles,
    population,
    learnerLinks,
    defineCoachProfile: new DefineCoachProfileUseCase(
      coachProfiles,
      testbed.users,
      events,
      jobQueue,
      testbed.clock,
      links,
    ),
    getCoachProfile: new GetCoachProfileUseCase(coachProfiles),
    listCoachProfiles: new ListCoachProfilesUseCase(coachProfiles),
    deleteCoachProfile: new DeleteCoachProfileUseCase(
      coachProfiles,
      population,
      events,
      testbed.clock,
      links,
    ),
    getCoachPopulation: new GetCoachPopulationUseCase(coachProfiles, population, testbed.users),
    recomputeCoachPopulation: new RecomputeCoachPopulationUseCase(
      coachProfiles,
      testbed.users,
      sync,
      testbed.clock,
    ),
    followUserChanges: new FollowUserChangesUseCase(coachProfiles, population, sync),
  };
}
