import { Inject, Injectable } from '@nestjs/common';
import { ImportsStream } from '@lms/contracts';
import { EVENT_FACTORY, EventFactory, type OutboxEntry } from '@lms/messaging';
import { CLOCK, type Clock } from '@lms/kernel';
import {
  CoachAccountInactiveError,
  coachProfileProblemError,
} from '../../coach-profiles/coach-profiles.errors';
import {
  isLinkableAccountState,
  normalizeFilters,
  type CoachFilter,
} from '../../coach-profiles/domain/coach-profile';
import { unmatchedFilters } from '../../coach-profiles/use-cases/unmatched-filters';
import { GROUP_REPOSITORY, type GroupRepository } from '../../groups/ports/group.repository';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import { failImport, isOver, recordApplied, recordValidated, type Import } from '../domain/import';
import {
  checkRow,
  emailsCheckedOf,
  parseRow,
  validatedRow,
  type ImportRow,
  type ParsedRow,
  type RowFacts,
} from '../domain/import-rows';
import { CsvReadError, readCsv, type CsvRecord } from '../infra/csv-records';
import { IMPORT_FILE_STORE, type ImportFileRef, type ImportFileStore } from '../ports/import-file.store';
import { IMPORT_ROW_REPOSITORY, type ImportRowRepository } from '../ports/import-row.repository';
import { IMPORT_REPOSITORY, type ImportRepository } from '../ports/import.repository';
import { ImportBulkApplier } from './import-bulk-applier';
import { ImportRowApplier } from './import-row-applier';
import { IMPORT_SETTINGS, type ImportSettings } from './import-settings';

export interface RunImportCommand {
  tenantId: string;
  importId: string;
}

function fileOf(entry: Import): ImportFileRef {
  return { tenantId: entry.tenantId, importId: entry.id };
}

function filterKey(filter: CoachFilter): string {
  return JSON.stringify([filter.field, filter.value]);
}

/** Look-ups of one chunk run at once, at most. */
const LOOKUPS_AT_ONCE = 16;

/** `work` over every item, `limit` at a time, in the items' order. */
async function eachLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let at = next++; at < items.length; at = next++) results[at] = await work(items[at] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * ID-I1, ID-I2, ID-I3, ID-I4: an import started by `StartImportUseCase`, run as a job
 * (`ImportJob`), one chunk at a time, on whichever instance holds the job's lease (rule 6).
 * - Validating: the file is read again from its start (streamed, a record at a time) and the
 *   rows after `rowReached` are validated a chunk at a time: each row is read on its own, then
 *   checked against the users (only those a rule asks about) and groups (a manager row: its two accounts, the coach profile's
 *   rules, and its filter values no user holds, noted); the chunk's rows are saved (each once,
 *   by import and row), then the progress, by compare-and-set on the import's version.
 * - Applying (once every row is valid, or for `valid_rows`; never for a dry run): the valid
 *   rows after `rowReached` are applied a chunk at a time: the chunk's new users at once
 *   ({@link ImportBulkApplier}), then the other rows, rows of different users at once and those
 *   of one user in file order; then saved `applied` or `refused`, then the progress. A
 *   row saved `applied` by a run that died before saving the progress is counted, not applied
 *   again; one applied but not saved yet is applied again, and changes nothing the second time
 *   (users by email, roles by group, coaches by manager account: {@link ImportRowApplier}).
 * - Over: `import.finished` is written with the import's last progress (rule 1), and its file dropped.
 * A chunk whose progress lost the race with another run saves nothing more; the next call
 * reads where that run got to.
 */
@Injectable()
export class RunImportUseCase {
  constructor(
    @Inject(IMPORT_REPOSITORY) private readonly imports: ImportRepository,
    @Inject(IMPORT_ROW_REPOSITORY) private readonly rows: ImportRowRepository,
    @Inject(IMPORT_FILE_STORE) private readonly files: ImportFileStore,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(GROUP_REPOSITORY) private readonly groups: GroupRepository,
    private readonly applier: ImportRowApplier,
    private readonly bulk: ImportBulkApplier,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IMPORT_SETTINGS) private readonly settings: ImportSettings,
  ) {}

  /** Runs every chunk until the import is over (scripts and tests; the service runs it as a job). */
  async execute(command: RunImportCommand): Promise<void> {
    for (let more = true; more; ) more = (await this.runChunk(command)).more;
  }

  async runChunk(command: RunImportCommand): Promise<{ more: boolean }> {
    const entry = await this.imports.findById(command.tenantId, command.importId);
    if (!entry || isOver(entry)) return { more: false };
    return entry.state === 'validating' ? this.validate(entry) : this.apply(entry);
  }

  private async validate(entry: Import): Promise<{ more: boolean }> {
    const records = readCsv(this.files.open(fileOf(entry)), { delimiter: entry.delimiter })[
      Symbol.asyncIterator
    ]();
    let current = entry;
    try {
      for (let chunk = 0; chunk < this.settings.validationChunksPerRun; chunk++) {
        const { batch, done } = await this.nextRecords(records, current.rowReached);
        const validated = await this.validateChunk(current, batch);
        await this.rows.saveMany(validated);
        const valid = validated.filter((row) => row.status === 'valid').length;
        const progress = {
          rowReached: batch.at(-1)?.row ?? current.rowReached,
          valid,
          rejected: validated.length - valid,
          done,
        };
        const next = recordValidated(current, progress, this.clock.now());
        if (!(await this.save(next, current.version))) return { more: true };
        if (isOver(next)) return { more: false };
        if (next.state !== 'validating') return { more: true };
        current = next;
      }
      return { more: true };
    } catch (error) {
      if (!(error instanceof CsvReadError)) throw error;
      const failed = failImport(
        current,
        {
          code: error.reason === 'not_utf8' ? 'IMPORT.FILE_ENCODING_INVALID' : 'IMPORT.FILE_MALFORMED',
          message: error.message,
          row: error.row,
        },
        this.clock.now(),
      );
      await this.save(failed, current.version);
      return { more: false };
    } finally {
      await records.return?.(undefined);
    }
  }

  /** The next records after `rowReached` (the header is row 1), a chunk at most, and whether the file ended. */
  private async nextRecords(
    records: AsyncIterator<CsvRecord>,
    rowReached: number,
  ): Promise<{ batch: CsvRecord[]; done: boolean }> {
    const batch: CsvRecord[] = [];
    while (batch.length < this.settings.chunkRows) {
      const next = await records.next();
      if (next.done) return { batch, done: true };
      if (next.value.row > rowReached) batch.push(next.value);
    }
    return { batch, done: false };
  }

  private async validateChunk(entry: Import, batch: readonly CsvRecord[]): Promise<ImportRow[]> {
    const parsed = batch.map((record) => parseRow(entry.kind, entry.columns, record.cells, record.row));
    const facts = await this.factsFor(entry, parsed);
    const namedInChunk = new Set<string>();
    return parsed.map((row) =>
      validatedRow(
        { tenantId: entry.tenantId, importId: entry.id },
        row,
        checkRow(entry.kind, row, facts, namedInChunk),
      ),
    );
  }

  /**
   * What the chunk's rows need looked up: the users {@link emailsCheckedOf} names, by email,
   * their groups, the new users named earlier, the coaches' filter values that no user holds.
   */
  private async factsFor(entry: Import, parsed: readonly ParsedRow[]): Promise<RowFacts> {
    const emails = [...new Set(parsed.flatMap(emailsCheckedOf))];
    const groupIds = [
      ...new Set(parsed.flatMap((row) => (row.line?.kind === 'users' ? [row.line.groupId] : []))),
    ];
    const filters = normalizeFilters(
      parsed.flatMap((row) => (row.line?.kind === 'managers' ? row.line.filters : [])),
    );
    const [users, groups, unmatched] = await Promise.all([
      eachLimited(emails, LOOKUPS_AT_ONCE, (email) => this.users.findByEmail(entry.tenantId, email)),
      eachLimited(groupIds, LOOKUPS_AT_ONCE, (groupId) => this.groups.findById(entry.tenantId, groupId)),
      unmatchedFilters(this.users, entry.tenantId, filters),
    ]);
    const ids = new Map(emails.flatMap((email, at) => (users[at] ? [[email, users[at].id] as const] : [])));
    const states = new Map(
      emails.flatMap((email, at) => (users[at] ? [[email, users[at].state] as const] : [])),
    );
    const matchingNobody = new Set(unmatched.map(filterKey));
    const known = new Set(ids.keys());
    const existingGroups = new Set(groupIds.filter((_, at) => groups[at] !== null));
    const unknown = emails.filter((email) => !known.has(email));
    const named =
      entry.kind === 'users' && unknown.length > 0
        ? await this.rows.namedEmails(entry.tenantId, entry.id, unknown)
        : new Set<string>();
    return {
      userExists: (email) => known.has(email),
      userIdOf: (email) => ids.get(email) ?? null,
      matchesNobody: (filter) => matchingNobody.has(filterKey(filter)),
      coachAccountRefusal: (account, email) => {
        const state = states.get(email);
        if (state === undefined || isLinkableAccountState(state)) return null;
        const error = new CoachAccountInactiveError(account, ids.get(email) ?? '', state);
        return { code: error.code, message: error.message };
      },
      coachProfileRefusal: (problem) => {
        const error = coachProfileProblemError(problem);
        return { code: error.code, message: error.message };
      },
      groupExists: (groupId) => existingGroups.has(groupId),
      namedEarlier: (email) => named.has(email),
    };
  }

  private async apply(entry: Import): Promise<{ more: boolean }> {
    const { chunkRows } = this.settings;
    const rows = await this.rows.listAfter(
      entry.tenantId,
      entry.id,
      'validated',
      entry.rowReached,
      chunkRows,
    );
    const outcomes = await this.applyChunk(entry, rows);
    await this.rows.saveMany(outcomes.filter((row, at) => row !== rows[at]));
    const progress = {
      rowReached: rows.at(-1)?.row ?? entry.rowReached,
      applied: outcomes.filter((row) => row.status === 'applied').length,
      refused: outcomes.filter((row) => row.status === 'refused').length,
      done: rows.length < chunkRows,
    };
    const next = recordApplied(entry, progress, this.clock.now());
    if (!(await this.save(next, entry.version))) return { more: true };
    return { more: !isOver(next) };
  }

  /**
   * Each row's outcome, in the rows' order: first the new users of the chunk at once
   * ({@link ImportBulkApplier}), then every other row on its own, the rows of one user in file
   * order, those of different users at once.
   */
  private async applyChunk(entry: Import, rows: readonly ImportRow[]): Promise<ImportRow[]> {
    const outcomes: ImportRow[] = [...rows];
    const inBulk = await this.bulk.apply(entry, rows);
    for (const [at, row] of inBulk) outcomes[at] = row;
    const byUser = new Map<string, number[]>();
    for (const [at, row] of rows.entries()) {
      if (inBulk.has(at)) continue;
      const key = row.email ?? `row:${row.row}`;
      const positions = byUser.get(key) ?? [];
      positions.push(at);
      byUser.set(key, positions);
    }
    await eachLimited([...byUser.values()], this.settings.applyConcurrency, async (positions) => {
      for (const at of positions) outcomes[at] = await this.applier.apply(entry, rows[at] as ImportRow);
    });
    return outcomes;
  }

  /** Saves the import's progress; once it is over, with `import.finished`, and drops its file. False when another run saved first. */
  private async save(next: Import, expectedVersion: number): Promise<boolean> {
    const events: OutboxEntry[] = isOver(next) ? [this.finished(next)] : [];
    if ((await this.imports.update(next, expectedVersion, events)) === 'stale') return false;
    if (isOver(next)) await this.files.remove(fileOf(next));
    return true;
  }

  private finished(entry: Import): OutboxEntry {
    return this.events.create(ImportsStream, 'import.finished', {
      tenantId: entry.tenantId,
      aggregateId: entry.id,
      aggregateVersion: entry.version,
      occurredAt: entry.finishedAt ?? this.clock.now(),
      payload: {
        importId: entry.id,
        kind: entry.kind,
        outcome: entry.state === 'failed' ? 'failed' : 'finished',
        startedBy: entry.startedBy.userId,
        dryRun: entry.dryRun,
        mode: entry.mode,
        rowsRead: entry.counts.rowsRead,
        rowsApplied: entry.counts.rowsApplied,
        rowsRejected: entry.counts.rowsRejected,
        fileName: entry.fileName,
      },
    });
  }
}
