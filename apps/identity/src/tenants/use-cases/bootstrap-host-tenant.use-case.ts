import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { CLOCK, type Clock } from '@lms/kernel';
import type { Logger } from '@lms/observability';
import { LOGGER } from '@lms/service-kit';
import { PASSWORD_HASHER, type PasswordHasher } from '../../auth/ports/password-hasher';
import { HOST_ADMINISTRATOR_ID, HOST_TENANT_CODE, openHostTenant } from '../domain/tenant';
import { TENANT_REPOSITORY, type TenantRepository } from '../ports/tenant.repository';
import { AdministratorAccounts } from './administrator-accounts';
import { tenantEvent } from './tenant-events';

export interface BootstrapHostTenantCommand {
  hostTenantName: string;
  /** IANA time zone of the host tenant, given when it is created. */
  hostTenantTimezone: string;
  administrator: {
    email: string;
    /** Null: a random one is made and written once to the log. */
    password: string | null;
  };
}

export interface BootstrapOutcome {
  hostTenant: 'created' | 'existing';
  administrator: 'created' | 'existing' | 'email-taken';
}

/** Characters of a generated password: 24 from 18 random bytes (base64url). */
const GENERATED_PASSWORD_BYTES = 18;

/**
 * ID-T1: makes sure the host tenant and its System Administrator exist. Safe when several
 * instances start at once, without a transaction: the tenant's id is its code and the
 * administrator's id is fixed, so whoever writes second gets a duplicate key and finds the
 * first one's. Once both exist it only reads: a password changed since is never reset.
 */
@Injectable()
export class BootstrapHostTenantUseCase {
  constructor(
    @Inject(TENANT_REPOSITORY) private readonly tenants: TenantRepository,
    private readonly administrators: AdministratorAccounts,
    @Inject(PASSWORD_HASHER) private readonly passwords: PasswordHasher,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(command: BootstrapHostTenantCommand): Promise<BootstrapOutcome> {
    return {
      hostTenant: await this.openHostTenant({
        name: command.hostTenantName,
        timezone: command.hostTenantTimezone,
      }),
      administrator: await this.createAdministrator(command.administrator),
    };
  }

  private async openHostTenant(input: {
    name: string;
    timezone: string;
  }): Promise<BootstrapOutcome['hostTenant']> {
    if (await this.tenants.findById(HOST_TENANT_CODE)) return 'existing';
    const now = this.clock.now();
    const host = openHostTenant(input, now);
    const outcome = await this.tenants.insert(host, [tenantEvent(this.events, 'tenant.created', host, now)]);
    return outcome === 'inserted' ? 'created' : 'existing';
  }

  private async createAdministrator(
    administrator: BootstrapHostTenantCommand['administrator'],
  ): Promise<BootstrapOutcome['administrator']> {
    if (await this.administrators.exists(HOST_TENANT_CODE, HOST_ADMINISTRATOR_ID)) return 'existing';
    const password = administrator.password ?? randomBytes(GENERATED_PASSWORD_BYTES).toString('base64url');
    const outcome = await this.administrators.create(
      {
        id: HOST_ADMINISTRATOR_ID,
        tenantId: HOST_TENANT_CODE,
        email: administrator.email,
        firstName: 'System',
        lastName: 'Administrator',
        adminRoles: ['system_admin'],
        passwordHash: await this.passwords.hash(password),
      },
      this.clock.now(),
    );
    if (outcome === 'created' && administrator.password === null)
      // Only the instance whose user was written logs: its password is the one stored.
      this.logger.warn(
        { tenantId: HOST_TENANT_CODE, userId: HOST_ADMINISTRATOR_ID, email: administrator.email },
        `System Administrator ${administrator.email} created with the generated password ${password}; ` +
          'it will not be shown again.',
      );
    if (outcome === 'email-taken')
      this.logger.error(
        { tenantId: HOST_TENANT_CODE, email: administrator.email },
        'No System Administrator created: another user of the host tenant has BOOTSTRAP_ADMIN_EMAIL.',
      );
    return outcome;
  }
}
