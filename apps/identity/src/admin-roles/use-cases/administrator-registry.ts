import { Inject, Injectable } from '@nestjs/common';
import type { AdminRole } from '@lms/contracts';
import { CLOCK, type Clock, withOptimisticRetry } from '@lms/kernel';
import type { User } from '../../users/domain/user';
import { withAdminRoles } from '../../users/domain/user-lifecycle';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import { UserWriter } from '../../users/use-cases/user-writes';
import { UserNotFoundError } from '../../users/users.errors';
import { LastAdministratorError } from '../admin-roles.errors';
import {
  abandonedEntries,
  enrolled,
  holdsARole,
  changeRole,
  retireAdministrator,
  rolesIn,
  seedRegistry,
  withStanding,
  type AdministratorAccount,
  type AdminRegistry,
  type RegistryDecision,
  type UnsettledAdministrator,
} from '../domain/admin-registry';
import { ADMIN_REGISTRY_REPOSITORY, type AdminRegistryRepository } from '../ports/admin-registry.repository';

/** Accounts read per page when a tenant's registry is made from its accounts. */
const SEED_PAGE = 200;

/**
 * Tries of a decision on a registry: every administrative change of a tenant goes through its
 * one document, so a busy tenant's changes may race a few times before one wins.
 */
const REGISTRY_ATTEMPTS = 5;

function accountOf(user: User): AdministratorAccount {
  return { userId: user.id, adminRoles: user.adminRoles, usable: user.state !== 'deactivated' };
}

/**
 * The administrator registry of each tenant (ID-R2, ID-R3) and the accounts that follow it,
 * without a transaction: a change is decided on the registry by a compare-and-set first (two
 * administrators racing are decided one after the other, and the loser decides again on what
 * the winner left), then written to the account, and the user is marked unsettled in between.
 * A change cut short (a crash, a failed write) leaves its mark; whoever loads the registry
 * once the mark is older than `SETTLE_AFTER_MS` settles it, and so does the periodic reconcile.
 */
@Injectable()
export class AdministratorRegistry {
  constructor(
    @Inject(ADMIN_REGISTRY_REPOSITORY) private readonly registries: AdminRegistryRepository,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    private readonly writer: UserWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The tenant's registry, made from its accounts the first time it is needed (a scan of the
   * tenant's accounts, once); the changes left cut short are settled first.
   */
  async load(tenantId: string): Promise<AdminRegistry> {
    const registry = (await this.registries.find(tenantId)) ?? (await this.seed(tenantId));
    const abandoned = abandonedEntries(registry, this.clock.now());
    if (abandoned.length === 0) return registry;
    for (const entry of abandoned) await this.settle(tenantId, entry);
    return (await this.registries.find(tenantId)) ?? registry;
  }

  /** ID-R1, ID-R2: grants or revokes a role, the registry first; `unchanged` when there is nothing to do. */
  async changeRole(
    tenantId: string,
    userId: string,
    role: AdminRole,
    change: 'grant' | 'revoke',
  ): Promise<'changed' | 'unchanged'> {
    const grant = change === 'grant';
    const entry = await this.decide(tenantId, userId, (registry, now) =>
      changeRole(registry, { userId, role, grant }, now),
    );
    if (!entry) return 'unchanged';
    await this.settle(tenantId, entry);
    return 'changed';
  }

  /**
   * ID-R3: before an account is deactivated or deleted, the registry stops counting it,
   * unless it is the last administrator (`ADMIN_ROLE.LAST_ADMIN`). The entry to settle once
   * the account is written; null when the user is no counted administrator.
   */
  retire(tenantId: string, userId: string): Promise<UnsettledAdministrator | null> {
    return this.decide(tenantId, userId, (registry, now) => retireAdministrator(registry, userId, now));
  }

  /**
   * ID-R3: deactivates or deletes an account with `write`, the registry having stopped counting
   * it first (refused for the last administrator); settled afterwards, whether `write` worked
   * or not: a deleted account leaves the registry, a failed write leaves it counted again.
   */
  async whileRetired<T>(target: { tenantId: string; userId: string }, write: () => Promise<T>): Promise<T> {
    const entry = await this.retire(target.tenantId, target.userId);
    try {
      return await write();
    } finally {
      if (entry) await this.settle(target.tenantId, entry);
    }
  }

  /** After an account was written: the registry and the account agree again, and the mark goes. */
  async settle(tenantId: string, entry: UnsettledAdministrator): Promise<void> {
    await this.syncRoles(tenantId, entry.userId);
    await this.syncStanding(tenantId, entry.userId);
    await this.registries.markSettled(tenantId, entry);
  }

  /** After an account was activated: an administrator counts again. */
  async reinstate(tenantId: string, userId: string): Promise<void> {
    await this.syncStanding(tenantId, userId);
  }

  /** An account created with roles (ID-T1, ID-T2) joins its tenant's registry. */
  async enroll(tenantId: string, userId: string): Promise<void> {
    await this.load(tenantId);
    await withOptimisticRetry<null>(async () => {
      const registry = await this.registries.find(tenantId);
      const user = await this.users.findById(tenantId, userId);
      const next = registry && user && enrolled(registry, accountOf(user));
      if (!registry || !next) return { outcome: 'written', value: null };
      const outcome = await this.registries.update(next, registry.version);
      return outcome === 'written' ? { outcome, value: null } : { outcome };
    }, REGISTRY_ATTEMPTS);
  }

  /**
   * Settles every change cut short, in every tenant: at start-up and on an interval. A tenant
   * that cannot be settled now is counted and left for the next run; the others go on.
   */
  async settleAbandoned(pageSize = 100): Promise<{ tenants: number; failed: number }> {
    let tenants = 0;
    let failed = 0;
    for (let after: string | null = null; ; ) {
      const page = await this.registries.listUnsettled(after, pageSize);
      for (const registry of page) {
        if (abandonedEntries(registry, this.clock.now()).length === 0) continue;
        try {
          await this.load(registry.tenantId);
          tenants++;
        } catch {
          failed++;
        }
      }
      if (page.length < pageSize) return { tenants, failed };
      after = page[page.length - 1].tenantId;
    }
  }

  /** A decision on the registry, written by compare-and-set; the entry of the user it marked. */
  private decide(
    tenantId: string,
    userId: string,
    decide: (registry: AdminRegistry, now: Date) => RegistryDecision,
  ): Promise<UnsettledAdministrator | null> {
    return withOptimisticRetry<UnsettledAdministrator | null>(async () => {
      const registry = await this.load(tenantId);
      const decision = decide(registry, this.clock.now());
      if (decision.outcome === 'last_admin') throw new LastAdministratorError(userId);
      if (decision.outcome === 'unchanged') return { outcome: 'written', value: null };
      const outcome = await this.registries.update(decision.registry, registry.version);
      const entry = decision.registry.unsettled.find((each) => each.userId === userId) ?? null;
      return outcome === 'written' ? { outcome, value: entry } : { outcome };
    }, REGISTRY_ATTEMPTS);
  }

  /** Roles: the registry decides, the account follows, with `user.updated`. */
  private async syncRoles(tenantId: string, userId: string): Promise<void> {
    try {
      await this.writer.change({ tenantId, userId }, async (user) => {
        const registry = await this.registries.find(tenantId);
        const changed = registry && withAdminRoles(user, rolesIn(registry, userId), this.clock.now());
        return changed ? { outcome: 'changed', user: changed } : { outcome: 'unchanged' };
      });
    } catch (error) {
      // A deleted account has no roles to follow.
      if (!(error instanceof UserNotFoundError)) throw error;
    }
  }

  /** Standing: the account decides, the registry follows. */
  private async syncStanding(tenantId: string, userId: string): Promise<void> {
    await withOptimisticRetry<null>(async () => {
      const registry = await this.registries.find(tenantId);
      // Neither holding a role nor listed inactive: nothing of the account matters here.
      if (!registry || (!holdsARole(registry, userId) && !registry.inactive.includes(userId)))
        return { outcome: 'written', value: null };
      const user = await this.users.findById(tenantId, userId);
      const next = withStanding(registry, user && accountOf(user), userId);
      if (!next) return { outcome: 'written', value: null };
      const outcome = await this.registries.update(next, registry.version);
      return outcome === 'written' ? { outcome, value: null } : { outcome };
    }, REGISTRY_ATTEMPTS);
  }

  private async seed(tenantId: string): Promise<AdminRegistry> {
    const accounts: AdministratorAccount[] = [];
    let cursor: string | undefined;
    do {
      // A scan of the tenant's accounts on the stand-in: once per tenant, when first needed.
      const page = await this.users.list(tenantId, { holdsAdminRole: true }, { limit: SEED_PAGE, cursor });
      accounts.push(...page.items.map(accountOf));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    const registry = seedRegistry(tenantId, accounts);
    if ((await this.registries.insert(registry)) === 'inserted') return registry;
    // Another request made it first.
    const existing = await this.registries.find(tenantId);
    if (!existing) throw new Error(`The administrator registry of ${tenantId} is neither new nor there`);
    return existing;
  }
}
