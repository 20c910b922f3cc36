import { Inject, Injectable } from '@nestjs/common';
import type { ManagerRelation } from '../domain/manager-relation';
import {
  MANAGER_RELATION_REPOSITORY,
  type ManagerRelationRepository,
} from '../ports/manager-relation.repository';

/**
 * Keeps learning's projection of manager relations (ID-G4) from a batch of identity's
 * organisation events, so that a manager may enroll its managees (LE-E3): idempotent under
 * redelivery, an event not newer than what is stored changes nothing (rule 2).
 */
@Injectable()
export class ApplyManagerRelationsUseCase {
  constructor(@Inject(MANAGER_RELATION_REPOSITORY) private readonly relations: ManagerRelationRepository) {}

  async execute(changes: readonly ManagerRelation[]): Promise<void> {
    if (changes.length > 0) await this.relations.applyMany(changes);
  }
}
