import { once } from 'node:events';
import { CsvError, parse } from 'csv-parse';
import { detectDelimiter, type CsvDelimiter } from '../domain/import-columns';

/** One record of a file: its row (the header is row 1) and its cells as written. */
export interface CsvRecord {
  row: number;
  cells: string[];
}

/** Why a file cannot be read on: not UTF-8, or not CSV (a quote never closed...), near `row`. */
export class CsvReadError extends Error {
  constructor(
    readonly reason: 'not_utf8' | 'malformed',
    message: string,
    readonly row: number | null,
  ) {
    super(message);
    this.name = 'CsvReadError';
  }
}

export interface CsvReadOptions {
  /** The file's separator; when not given, told by its first line and handed to `onDelimiter`. */
  delimiter?: CsvDelimiter;
  onDelimiter?(delimiter: CsvDelimiter): void;
}

/** A record longer than this is refused rather than held in memory. */
const MAX_RECORD_CHARACTERS = 1024 * 1024;
/** How much of the file's start is looked at to tell its separator. */
const MAX_HEAD_CHARACTERS = 64 * 1024;

/** The text of UTF-8 bytes, part after part; a byte sequence that is not UTF-8 stops it. The BOM is dropped. */
async function* utf8(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (part?: Uint8Array): string => {
    try {
      return part === undefined ? decoder.decode() : decoder.decode(part, { stream: true });
    } catch {
      throw new CsvReadError('not_utf8', 'The file is not UTF-8 text.', null);
    }
  };
  for await (const part of source) {
    const text = decode(part);
    if (text !== '') yield text;
  }
  const rest = decode();
  if (rest !== '') yield rest;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

function readErrorOf(error: unknown, row: number): CsvReadError {
  if (error instanceof CsvReadError) return new CsvReadError(error.reason, error.message, error.row ?? row);
  if (error instanceof CsvError) return new CsvReadError('malformed', error.message, row);
  throw error;
}

/**
 * The records of a CSV file, streamed (csv-parse): quoted values may hold separators, quotes
 * and new lines (a quote inside an unquoted value is kept as it is); a leading BOM is dropped; empty lines and rows of empty cells are skipped
 * (still counted, so that row numbers stay those of the file's records). Only a record at a
 * time is held, and leaving the loop early stops reading the source. Throws
 * {@link CsvReadError} on a file that is not UTF-8 or not CSV.
 */
export async function* readCsv(
  source: AsyncIterable<Uint8Array>,
  options: CsvReadOptions = {},
): AsyncGenerator<CsvRecord> {
  const texts = utf8(source)[Symbol.asyncIterator]();
  let head = '';
  let delimiter = options.delimiter;
  let row = 0;
  try {
    if (delimiter === undefined) {
      while (!/[\r\n]/.test(head) && head.length < MAX_HEAD_CHARACTERS) {
        const next = await texts.next();
        if (next.done) break;
        head += next.value;
      }
      delimiter = detectDelimiter(head);
      options.onDelimiter?.(delimiter);
    }
  } catch (error) {
    throw readErrorOf(error, 1);
  }
  const parser = parse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARACTERS,
  });
  const stop = new AbortController();
  const write = async (text: string): Promise<void> => {
    if (!parser.write(text)) await once(parser, 'drain', { signal: stop.signal });
  };
  const feeding = (async () => {
    try {
      if (head !== '') await write(head);
      for (let next = await texts.next(); !next.done; next = await texts.next()) await write(next.value);
      parser.end();
    } catch (error) {
      if (stop.signal.aborted) await texts.return(undefined);
      else parser.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row++;
      if (row > 1 && isBlank(cells)) continue;
      yield { row, cells };
    }
  } catch (error) {
    throw readErrorOf(error, row + 1);
  } finally {
    stop.abort();
    parser.destroy();
    void feeding;
  }
}
