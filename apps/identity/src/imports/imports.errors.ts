import { BusinessRuleError, DomainError, NotFoundError } from '@lms/kernel';

export class ImportNotFoundError extends NotFoundError {
  constructor(importId: string) {
    super('IMPORT.NOT_FOUND', 'No such import.', { importId });
  }
}

/** ID-I4: the request carries no file in its `file` field, or is no `multipart/form-data`. */
export class ImportFileMissingError extends DomainError {
  constructor() {
    super(
      'IMPORT.FILE_MISSING',
      'malformed',
      'Send the CSV file as multipart/form-data, in the field "file".',
    );
  }
}

export class ImportFileTooLargeError extends DomainError {
  constructor(maxBytes: number) {
    super('IMPORT.FILE_TOO_LARGE', 'malformed', `An import file has at most ${maxBytes} bytes.`, {
      maxBytes,
    });
  }
}

export class ImportFileNotUtf8Error extends DomainError {
  constructor(row: number | null) {
    super(
      'IMPORT.FILE_ENCODING_INVALID',
      'malformed',
      'The file is not UTF-8 text: save it as "CSV UTF-8" and try again.',
      {
        row,
      },
    );
  }
}

/** The file is no CSV a reader can follow to its end, e.g. a quoted value never closed. */
export class ImportFileMalformedError extends DomainError {
  constructor(reason: string, row: number | null) {
    super('IMPORT.FILE_MALFORMED', 'malformed', `The file is not valid CSV: ${reason}`, { row });
  }
}

export class ImportFileEmptyError extends BusinessRuleError {
  constructor() {
    super('IMPORT.FILE_EMPTY', 'The file has no header row.');
  }
}

export class ImportUnknownColumnError extends BusinessRuleError {
  constructor(header: string, position: number, expected: readonly string[]) {
    super(
      'IMPORT.UNKNOWN_COLUMN',
      `The header "${header}" (column ${position}) is not one of this kind of import.`,
      {
        header,
        position,
        expected: [...expected],
      },
    );
  }
}

export class ImportDuplicateColumnError extends BusinessRuleError {
  constructor(header: string, position: number) {
    super(
      'IMPORT.DUPLICATE_COLUMN',
      `The header "${header}" (column ${position}) names a column given before.`,
      {
        header,
        position,
      },
    );
  }
}

export class ImportMissingColumnError extends BusinessRuleError {
  constructor(header: string) {
    super('IMPORT.MISSING_COLUMN', `The header has no "${header}" column, which this kind of import needs.`, {
      header,
    });
  }
}

/** A row met when applied: a new user without a name (the row that named it was refused). */
export class ImportRowUnnamedUserError extends BusinessRuleError {
  constructor() {
    super(
      'IMPORT_ROW.NAME_REQUIRED',
      'A new user needs a first and a last name (on this row or an earlier one of the file).',
    );
  }
}

/** A row met when applied: its user was deleted since the file was validated. */
export class ImportRowUserUnknownError extends BusinessRuleError {
  constructor() {
    super('IMPORT_ROW.USER_UNKNOWN', 'No user of this tenant has this email.');
  }
}
