import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import { looksLikeFormula, type ImportIssue } from '../domain/import-rows';

/** The report's header. */
export const REPORT_HEADER = ['Row', 'Column', 'Code', 'Message', 'Value'];

/**
 * A cell a spreadsheet would run as a formula, made plain text by a leading apostrophe
 * (CSV injection): a refused `=HYPERLINK(...)` is shown, never run.
 */
export function escapeFormula(value: string): string {
  return looksLikeFormula(value) ? `'${value}` : value;
}

function cells(issue: ImportIssue): string[] {
  return [String(issue.row), issue.column ?? '', issue.code, issue.message, issue.value ?? ''].map(
    escapeFormula,
  );
}

/** The report as CSV (csv-stringify), written as its issues are read. */
export function reportCsv(issues: AsyncIterable<ImportIssue>): Readable {
  const rows = async function* (): AsyncGenerator<string[]> {
    for await (const issue of issues) yield cells(issue);
  };
  const csv = stringify({ header: true, columns: REPORT_HEADER, record_delimiter: '\r\n' });
  // A failure while reading ends the answer early rather than leaving it open.
  return pipeline(Readable.from(rows()), csv, () => undefined);
}

/** Rows as CSV text, every cell escaped. */
export function csvText(rows: readonly string[][]): string {
  return stringifySync(
    rows.map((row) => row.map(escapeFormula)),
    { record_delimiter: '\r\n' },
  );
}
