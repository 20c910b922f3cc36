import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { Logger } from '@lms/observability';
import { AdministratorRegistry } from '../admin-roles/use-cases/administrator-registry';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config';
import { LOGGER, PeriodicTask } from '@lms/service-kit';
import { ExpireDueUsersUseCase } from './use-cases/expire-due-users.use-case';

/**
 * What every identity instance does on its own, on intervals, safe on N instances (rule 5):
 *
 * - the expiry sweep (ID-U3), every `USER_EXPIRY_SWEEP_INTERVAL_MS`: each user is expired by a
 *   compare-and-set, so once;
 * - the administrator registry's reconcile (ID-R2), at start-up and every
 *   `ADMIN_REGISTRY_RECONCILE_INTERVAL_MS`: it settles the changes a crash cut short, and
 *   settling is idempotent.
 */
@Injectable()
export class UsersPeriodicWork implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly expirySweep: PeriodicTask;
  private readonly registryReconcile: PeriodicTask;

  constructor(
    expireDueUsers: ExpireDueUsersUseCase,
    administrators: AdministratorRegistry,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    scheduler: SchedulerRegistry,
    @Inject(LOGGER) logger: Logger,
  ) {
    const { batchSize } = config.users.expirySweep;
    this.expirySweep = new PeriodicTask(
      'user expiry sweep',
      () => expireDueUsers.execute({ batchSize }),
      scheduler,
      logger,
    );
    this.registryReconcile = new PeriodicTask(
      'administrator registry reconcile',
      () => administrators.settleAbandoned(),
      scheduler,
      logger,
    );
  }

  onApplicationBootstrap(): void {
    this.expirySweep.start(this.config.users.expirySweep.intervalMs);
    this.registryReconcile.start(this.config.users.adminRegistryReconcileIntervalMs, { now: true });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.expirySweep.stop(), this.registryReconcile.stop()]);
  }
}
