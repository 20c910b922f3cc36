import { Inject, Injectable } from '@nestjs/common';
import type { UserActor } from '../../users/domain/user-permissions';
import { maySeeImport, type Import } from '../domain/import';
import { ImportNotFoundError } from '../imports.errors';
import { IMPORT_REPOSITORY, type ImportRepository } from '../ports/import.repository';

export interface GetImportCommand {
  actor: UserActor;
  importId: string;
}

/** ID-I4: an import and how far it got (rows read, applied, rejected, its state), in the actor's tenant. */
@Injectable()
export class GetImportUseCase {
  constructor(@Inject(IMPORT_REPOSITORY) private readonly imports: ImportRepository) {}

  async execute(command: GetImportCommand): Promise<Import> {
    const entry = await this.imports.findById(command.actor.tenantId, command.importId);
    if (!entry || !maySeeImport(command.actor, entry)) throw new ImportNotFoundError(command.importId);
    return entry;
  }
}
