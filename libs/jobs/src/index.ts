export * from './job';
export * from './job-store';
export * from './job-runner';
export * from './mongo-job-store';
export * from './in-memory-job-store';
export * from './jobs.module';
