import { Injectable } from '@nestjs/common';
import { trusted, type Model } from 'mongoose';
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
    await this.model.bulkWrite(
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
