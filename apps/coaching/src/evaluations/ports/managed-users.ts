/**
 * Who manages whom (seed 002): a user is a manager of the members of the units and teams it
 * manages, and writes their evaluations and coaching sessions (CO-W3). Units and teams come
 * with the organisation of the tenant (ID-G3); until then nobody manages anyone.
 */
export interface ManagedUsers {
  /** Whether `managerId` manages `userId` now, in the tenant. */
  manages(tenantId: string, managerId: string, userId: string): Promise<boolean>;
}

export const MANAGED_USERS = Symbol('MANAGED_USERS');
