import { Inject, Injectable } from '@nestjs/common';
import { IMPORT_FILE_STORE, type ImportFileRef, type ImportFileStore } from '../ports/import-file.store';

/** Drops a stored file whose import was not started (its request refused after the file arrived). */
@Injectable()
export class DiscardImportFileUseCase {
  constructor(@Inject(IMPORT_FILE_STORE) private readonly files: ImportFileStore) {}

  async execute(file: ImportFileRef): Promise<void> {
    await this.files.remove(file);
  }
}
