import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@lms/observability';
import { LOGGER } from '@lms/service-kit';
import { TENANT_REPOSITORY, type TenantRepository } from '../ports/tenant.repository';
import { FinishTenantProvisioningUseCase } from './finish-tenant-provisioning.use-case';

const PAGE_SIZE = 100;

/**
 * Finishes every tenant a crash left `provisioning` (ID-T2), at start-up. Safe beside a
 * request finishing the same tenant: finishing is idempotent. A tenant that cannot be
 * finished is logged and left for the next start.
 */
@Injectable()
export class ResumeTenantProvisioningUseCase {
  constructor(
    @Inject(TENANT_REPOSITORY) private readonly tenants: TenantRepository,
    private readonly finish: FinishTenantProvisioningUseCase,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(): Promise<{ finished: string[]; failed: string[] }> {
    const finished: string[] = [];
    const failed: string[] = [];
    let cursor: string | undefined;
    do {
      // The cursor names a position after the last tenant read: finished tenants leaving the
      // list move none of the rest, and the ones that failed are not read again.
      const page = await this.tenants.list('provisioning', { limit: PAGE_SIZE, cursor });
      for (const { code } of page.items) {
        try {
          await this.finish.execute({ code });
          finished.push(code);
        } catch (error) {
          failed.push(code);
          this.logger.error({ err: error, tenantId: code }, 'A provisioning tenant could not be finished');
        }
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return { finished, failed };
  }
}
