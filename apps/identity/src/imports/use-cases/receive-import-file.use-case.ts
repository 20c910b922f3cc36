import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, newId, type Clock } from '@lms/kernel';
import type { CsvDelimiter } from '../domain/import-columns';
import { CsvReadError, readCsv } from '../infra/csv-records';
import {
  ImportFileEmptyError,
  ImportFileMalformedError,
  ImportFileNotUtf8Error,
  ImportFileTooLargeError,
} from '../imports.errors';
import { IMPORT_FILE_STORE, type ImportFileStore, type ImportFileUpload } from '../ports/import-file.store';
import { IMPORT_SETTINGS, type ImportSettings } from './import-settings';

export interface ReceiveImportFileCommand {
  tenantId: string;
  fileName: string | null;
  /** The file's bytes as they arrive. */
  content: AsyncIterable<Uint8Array>;
}

/** A file stored for an import, read once to its end: its header, separator and data rows. */
export interface ReceivedImportFile {
  importId: string;
  tenantId: string;
  fileName: string | null;
  bytes: number;
  delimiter: CsvDelimiter;
  header: string[];
  rowsTotal: number;
}

/**
 * ID-I4: stores an uploaded file as it arrives (GridFS, part after part: never whole in
 * memory) and reads it through on the way, so that a file that is not UTF-8, not CSV, empty
 * or too large is refused with its reason before anything is started; its separator (comma or
 * semicolon) is told from its header. A refused file is not kept.
 */
@Injectable()
export class ReceiveImportFileUseCase {
  constructor(
    @Inject(IMPORT_FILE_STORE) private readonly files: ImportFileStore,
    @Inject(IMPORT_SETTINGS) private readonly settings: ImportSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ReceiveImportFileCommand): Promise<ReceivedImportFile> {
    const ref = { tenantId: command.tenantId, importId: newId(this.clock.now()) };
    const upload = this.files.create(ref, command.fileName);
    const counted = { bytes: 0 };
    let delimiter: CsvDelimiter = ',';
    let header: string[] | null = null;
    let rowsTotal = 0;
    try {
      const records = readCsv(this.storing(command.content, upload, counted), {
        onDelimiter: (told) => (delimiter = told),
      });
      for await (const record of records) {
        if (header === null) header = record.cells;
        else rowsTotal++;
      }
      if (header === null) throw new ImportFileEmptyError();
      await upload.finish();
    } catch (error) {
      await upload.abort();
      await this.files.remove(ref);
      throw error instanceof CsvReadError ? fileErrorOf(error) : error;
    }
    return { ...ref, fileName: command.fileName, bytes: counted.bytes, delimiter, header, rowsTotal };
  }

  /** The content, each part stored before it is read on; past the largest size, an error. */
  private async *storing(
    content: AsyncIterable<Uint8Array>,
    upload: ImportFileUpload,
    counted: { bytes: number },
  ): AsyncGenerator<Uint8Array> {
    for await (const part of content) {
      counted.bytes += part.byteLength;
      if (counted.bytes > this.settings.maxFileBytes)
        throw new ImportFileTooLargeError(this.settings.maxFileBytes);
      await upload.write(part);
      yield part;
    }
  }
}

function fileErrorOf(error: CsvReadError): Error {
  return error.reason === 'not_utf8'
    ? new ImportFileNotUtf8Error(error.row)
    : new ImportFileMalformedError(error.message, error.row);
}
