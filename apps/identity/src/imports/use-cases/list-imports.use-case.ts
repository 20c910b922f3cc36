import { Inject, Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@lms/kernel';
import type { UserActor } from '../../users/domain/user-permissions';
import type { Import } from '../domain/import';
import { IMPORT_REPOSITORY, type ImportRepository } from '../ports/import.repository';

export interface ListImportsCommand {
  actor: UserActor;
  page: PageRequest;
}

/** ID-I4: the imports of the actor's tenant, newest first. */
@Injectable()
export class ListImportsUseCase {
  constructor(@Inject(IMPORT_REPOSITORY) private readonly imports: ImportRepository) {}

  execute(command: ListImportsCommand): Promise<Page<Import>> {
    return this.imports.list(command.actor.tenantId, command.page);
  }
}
