import type { NewJob } from '@lms/jobs';
import type { CoachProfile } from './domain/coach-profile';

export const COACH_POPULATION_JOB = 'coach-profile.population';

/**
 * The recomputation of one coach's population for one state of what decides it: a later
 * change of the filters makes another job, and this one ends at its next chunk.
 */
export function coachPopulationJob(
  profile: Pick<CoachProfile, 'id' | 'tenantId' | 'populationVersion'>,
): NewJob {
  return {
    kind: COACH_POPULATION_JOB,
    key: `${profile.tenantId}:${profile.id}:${profile.populationVersion}`,
    tenantId: profile.tenantId,
    input: { coachId: profile.id, populationVersion: profile.populationVersion },
  };
}
