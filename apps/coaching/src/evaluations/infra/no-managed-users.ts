import { Injectable } from '@nestjs/common';
import type { ManagedUsers } from '../ports/managed-users';

/**
 * The managers of a tenant while units and teams do not exist (ID-G3): nobody manages anyone.
 * The organisation of the tenant replaces it with an implementation that reads its units and
 * teams, in `EvaluationsModule`'s providers; nothing else changes.
 */
@Injectable()
export class NoManagedUsers implements ManagedUsers {
  async manages(_tenantId: string, _managerId: string, _userId: string): Promise<boolean> {
    return false;
  }
}
