import type { JobRunner } from '@lms/jobs';

/**
 * What a request or a use case needs of the job runner: to enqueue long work (rule 6), which
 * the runner then takes under a lease. Unit tests give an in-memory job store's queue.
 */
export type JobQueue = Pick<JobRunner, 'enqueue'>;
