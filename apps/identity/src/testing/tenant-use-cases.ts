import pino from 'pino';
import type { EventFactory } from '@lms/messaging';
import type { FixedClock } from '@lms/testing';
import type { AdministratorRegistry } from '../admin-roles/use-cases/administrator-registry';
import type { PasswordHasher } from '../auth/ports/password-hasher';
import type { IdentityConfig } from '../config/identity.config';
import type { JobQueue } from '@lms/jobs';
import type { TenantActor } from '../tenants/domain/tenant-permissions';
import { AdministratorAccounts } from '../tenants/use-cases/administrator-accounts';
import { BootstrapHostTenantUseCase } from '../tenants/use-cases/bootstrap-host-tenant.use-case';
import { CreateTenantUseCase, type CreatedTenant } from '../tenants/use-cases/create-tenant.use-case';
import { DeleteTenantUseCase } from '../tenants/use-cases/delete-tenant.use-case';
import { FinishTenantProvisioningUseCase } from '../tenants/use-cases/finish-tenant-provisioning.use-case';
import { GetTenantUseCase } from '../tenants/use-cases/get-tenant.use-case';
import { ListTenantsUseCase } from '../tenants/use-cases/list-tenants.use-case';
import { ResumeTenantProvisioningUseCase } from '../tenants/use-cases/resume-tenant-provisioning.use-case';
import { RunTenantDeletionUseCase } from '../tenants/use-cases/run-tenant-deletion.use-case';
import { UpdateTenantUseCase } from '../tenants/use-cases/update-tenant.use-case';
import {
  GetPlatformOwnerUseCase,
  HandPlatformOwnershipUseCase,
} from '../tenants/use-cases/platform-owner.use-cases';
import type { UserRepository } from '../users/ports/user.repository';
import type { UserWriter } from '../users/use-cases/user-writes';
import type { InMemoryTenantRepository } from './in-memory-tenant.repository';
import type { RecordingOutbox } from './recording-outbox';

/** A System Administrator of the host tenant: the one actor who manages tenants. */
export const SYSTEM_ADMINISTRATOR: TenantActor = { tenantId: '1000', roles: ['system_admin'] };

/** A line the use cases logged: its level (pino's number), its message and its fields. */
export interface LoggedLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** pino's number for `warn`. */
export const WARN = 40;

/**
 * The tenant use cases over an in-memory tenant repository, for the identity testbed: they
 * share its tenants, users, outbox, hasher, clock and job queue, and log into `logs`.
 */
export function tenantUseCases(parts: {
  tenants: InMemoryTenantRepository;
  outbox: RecordingOutbox;
  users: UserRepository;
  writer: UserWriter;
  passwords: PasswordHasher;
  events: EventFactory;
  clock: FixedClock;
  config: IdentityConfig;
  jobs: JobQueue;
  administratorRegistry: AdministratorRegistry;
}) {
  const { tenants, outbox, users, writer, passwords, events, clock, config, jobs, administratorRegistry } =
    parts;
  const logs: LoggedLine[] = [];
  const logger = pino({ base: null }, { write: (line: string) => logs.push(JSON.parse(line) as LoggedLine) });
  const administrators = new AdministratorAccounts(users, events, administratorRegistry);
  const finishTenantProvisioning = new FinishTenantProvisioningUseCase(
    tenants,
    administrators,
    events,
    clock,
  );
  const createTenant = new CreateTenantUseCase(tenants, finishTenantProvisioning, passwords, clock);
  const deleteTenant = new DeleteTenantUseCase(tenants, jobs, clock);
  const runTenantDeletion = new RunTenantDeletionUseCase(
    tenants,
    users,
    writer,
    events,
    clock,
    config,
    logger,
  );

  return {
    tenants,
    logs,
    bootstrapHostTenant: new BootstrapHostTenantUseCase(
      tenants,
      administrators,
      passwords,
      events,
      clock,
      logger,
    ),
    createTenant,
    finishTenantProvisioning,
    resumeTenantProvisioning: new ResumeTenantProvisioningUseCase(tenants, finishTenantProvisioning, logger),
    listTenants: new ListTenantsUseCase(tenants),
    getTenant: new GetTenantUseCase(tenants),
    updateTenant: new UpdateTenantUseCase(tenants, events, clock),
    getPlatformOwner: new GetPlatformOwnerUseCase(tenants),
    handPlatformOwnership: new HandPlatformOwnershipUseCase(
      tenants,
      users,
      administratorRegistry,
      events,
      clock,
    ),
    deleteTenant,
    runTenantDeletion,

    /** An active tenant made by a System Administrator, with its first administrator; its events drained. */
    async givenTenant(code: string, name = `Tenant ${code}`): Promise<CreatedTenant> {
      const created = await createTenant.execute({
        actor: SYSTEM_ADMINISTRATOR,
        code,
        name,
        administrator: {
          email: `admin@${code}.example.com`,
          firstName: 'Ada',
          lastName: 'Admin',
          password: 'correct horse battery',
        },
      });
      outbox.drain();
      return created;
    },

    /** A tenant a System Administrator deleted, its deletion's job run to the end; its events drained. */
    async givenTenantDeleted(code: string): Promise<void> {
      await deleteTenant.execute({ actor: SYSTEM_ADMINISTRATOR, code });
      await runTenantDeletion.execute({ code });
      outbox.drain();
    },
  };
}

export type TenantUseCases = ReturnType<typeof tenantUseCases>;
