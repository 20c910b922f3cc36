import type { Principal, PrincipalResolver } from './principal';

/**
 * Every caller acts in one configured tenant (`DEFAULT_TENANT_ID`, default `1000`, the
 * host tenant). It stands where token verification goes, so that routes already take
 * their tenant from the principal and never from the request body or path.
 */
export class SingleTenantPrincipalResolver implements PrincipalResolver {
  constructor(private readonly tenantId: string) {}

  async resolve(): Promise<Principal> {
    return { tenantId: this.tenantId, userId: null, level: 'user', roles: [] };
  }
}
