import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import type { Connection } from 'mongoose';
import type { Logger } from '@lms/observability';
import { LOGGER, MONGO_CONNECTION } from '@lms/service-kit';
import { JOB_STORE, type JobStore } from './job-store';
import { JobRunner, type JobRunnerOptions } from './job-runner';
import { MongoJobStore } from './mongo-job-store';

/**
 * Starts the runner once every module has registered its handlers (in their `onModuleInit`),
 * and stops it before the application shuts down, so that running chunks finish and their
 * leases are given up while the database and the outbox relay are still there.
 */
@Injectable()
class JobsLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(JOB_STORE) private readonly store: JobStore,
    private readonly runner: JobRunner,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.store instanceof MongoJobStore) await this.store.ensureIndexes();
  }

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}

export interface JobsModuleOptions {
  /** Providers the factory needs, e.g. the service's configuration token. */
  inject?: Array<string | symbol>;
  /** The runner's settings, from the service's configuration (read at start-up, not at import). */
  useFactory: (...deps: never[]) => JobRunnerOptions;
}

const JOB_RUNNER_OPTIONS = Symbol('JOB_RUNNER_OPTIONS');

@Global()
@Module({})
export class JobsModule {
  static forRoot(options: JobsModuleOptions): DynamicModule {
    return {
      module: JobsModule,
      providers: [
        { provide: JOB_RUNNER_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        {
          provide: JOB_STORE,
          inject: [MONGO_CONNECTION],
          useFactory: (connection: Connection): JobStore => {
            if (!connection.db) throw new Error('The database connection is not open');
            return new MongoJobStore(connection.db);
          },
        },
        {
          provide: JobRunner,
          inject: [JOB_STORE, LOGGER, JOB_RUNNER_OPTIONS],
          useFactory: (store: JobStore, logger: Logger, runnerOptions: JobRunnerOptions) =>
            new JobRunner(store, logger.child({ component: 'jobs' }), runnerOptions),
        },
        JobsLifecycle,
      ],
      exports: [JOB_STORE, JobRunner],
    };
  }
}
