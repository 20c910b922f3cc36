import { Injectable } from '@nestjs/common';
import { mongo, trusted, type Model } from 'mongoose';
import { InjectModel } from '@lms/service-kit';
import type { ImportRow, ImportRowStatus } from '../domain/import-rows';
import type { ImportRowRepository, ImportRowSelection } from '../ports/import-row.repository';
import { IMPORT_ROW_MODEL, type ImportRowDocument } from './import-row.schema';

const STATUSES: Record<ImportRowSelection, ImportRowStatus[]> = {
  validated: ['valid', 'applied', 'refused'],
  reported: ['rejected', 'refused', 'valid', 'applied'],
};

@Injectable()
export class MongoImportRowRepository implements ImportRowRepository {
  constructor(@InjectModel(IMPORT_ROW_MODEL) private readonly model: Model<ImportRowDocument>) {}

  async saveMany(rows: readonly ImportRow[]): Promise<void> {
    if (rows.length === 0) return;
    // Through the driver: the documents are complete, and a chunk's rows need no mongoose casting.
    await (this.model.collection as unknown as mongo.Collection<ImportRowDocument>).bulkWrite(
      rows.map((row) => {
        const doc = toDocument(row);
        return { replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } };
      }),
      { ordered: false },
    );
  }

  async listAfter(
    tenantId: string,
    importId: string,
    selection: ImportRowSelection,
    afterRow: number,
    limit: number,
  ): Promise<ImportRow[]> {
    if (selection === 'validated') return this.validatedAfter(tenantId, importId, afterRow, limit);
    // The report (an administrator's page): a scan of the rows on the local stand-in.
    const docs = await this.model
      .find({
        importId,
        status: trusted({ $in: STATUSES[selection] }),
        row: trusted({ $gt: afterRow }),
        // The report: rows with an issue (every rejected or refused one, the others with a note).
        ...(selection === 'reported' ? { 'issues.0': trusted({ $exists: true }) } : {}),
      })
      .sort({ row: 1 })
      .limit(limit)
      .lean<ImportRowDocument[]>()
      .exec();
    return docs.filter((doc) => doc.tenantId === tenantId).map(toRow);
  }

  /**
   * The rows to apply, read by `_id` (`<importId>:<row>`) a window of `limit` row numbers at a
   * time, which both engines serve from the `_id` index (every record of the file is saved,
   * so a window is full but for blank lines and rejected rows). Only past a window with no
   * row at all (the end, or a long run of blank lines) is the next row looked for by a scan.
   */
  private async validatedAfter(
    tenantId: string,
    importId: string,
    afterRow: number,
    limit: number,
  ): Promise<ImportRow[]> {
    const rows: ImportRow[] = [];
    const statuses = new Set(STATUSES.validated);
    for (let from = afterRow; rows.length < limit; from += limit) {
      const ids = Array.from({ length: limit }, (_, at) => `${importId}:${from + 1 + at}`);
      const docs = await this.model
        .find({ _id: trusted({ $in: ids }) })
        .lean<ImportRowDocument[]>()
        .exec();
      if (docs.length === 0) {
        const next = await this.model
          .findOne({ importId, row: trusted({ $gt: from }) }, { row: 1 })
          .sort({ row: 1 })
          .lean<Pick<ImportRowDocument, 'row'>>()
          .exec();
        if (!next) break;
        from = next.row - 1 - limit;
        continue;
      }
      docs.sort((a, b) => a.row - b.row);
      for (const doc of docs)
        if (rows.length < limit && doc.tenantId === tenantId && statuses.has(doc.status))
          rows.push(toRow(doc));
    }
    return rows;
  }

  async namedEmails(tenantId: string, importId: string, emails: readonly string[]): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const docs = await this.model
      .find(
        { importId, email: trusted({ $in: [...new Set(emails)] }) },
        { email: 1, named: 1, status: 1, tenantId: 1 },
      )
      .lean<Array<Pick<ImportRowDocument, 'email' | 'named' | 'status' | 'tenantId'>>>()
      .exec();
    return new Set(
      docs
        .filter(
          (doc) => doc.tenantId === tenantId && doc.named && doc.status !== 'rejected' && doc.email !== null,
        )
        .map((doc) => doc.email as string),
    );
  }
}

function toDocument(row: ImportRow): ImportRowDocument {
  return {
    _id: `${row.importId}:${row.row}`,
    tenantId: row.tenantId,
    importId: row.importId,
    row: row.row,
    status: row.status,
    email: row.email,
    named: row.named,
    line: row.line ? structuredClone(row.line) : null,
    issues: row.issues.map((issue) => ({ ...issue })),
  };
}

function toRow(doc: ImportRowDocument): ImportRow {
  return {
    tenantId: doc.tenantId,
    importId: doc.importId,
    row: doc.row,
    status: doc.status,
    email: doc.email ?? null,
    named: doc.named,
    line: doc.line ? structuredClone(doc.line) : null,
    issues: doc.issues.map((issue) => ({
      row: issue.row,
      column: issue.column ?? null,
      code: issue.code,
      message: issue.message,
      value: issue.value ?? null,
    })),
  };
}
