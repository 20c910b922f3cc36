import { newId } from '@lms/kernel';
import type { ImportRow } from '../imports/domain/import-rows';
import type { ImportRowRepository } from '../imports/ports/import-row.repository';
import {
  contractTenant,
  freshForEachTest,
  type MakeRepositoryUnderContract,
} from './repository-under-contract';

/**
 * What every {@link ImportRowRepository} guarantees, run against the in-memory fake (unit)
 * and the Mongo repository (integration).
 */
export function describeImportRowRepositoryContract(
  name: string,
  make: MakeRepositoryUnderContract<ImportRowRepository>,
): void {
  describe(`${name} (import row repository contract)`, () => {
    const subject = freshForEachTest(make);

    function aRow(
      importId: string,
      row: number,
      status: ImportRow['status'],
      email = `u${row}@example.com`,
    ): ImportRow {
      return {
        tenantId: subject.tenantId,
        importId,
        row,
        status,
        email,
        named: status !== 'rejected',
        line:
          status === 'rejected'
            ? null
            : {
                kind: 'users',
                email,
                firstName: 'Ada',
                lastName: 'Lovelace',
                role: 'learner',
                groupId: 'g1',
                locale: null,
                customFields: { COUNTRY: 'UK' },
              },
        issues:
          status === 'rejected' || status === 'refused'
            ? [
                {
                  row,
                  column: status === 'rejected' ? 'Email' : null,
                  code: 'IMPORT_ROW.EMAIL_INVALID',
                  message: 'No.',
                  value: '=x',
                },
              ]
            : [],
      };
    }

    it('stores each row once by import and row: a row saved again replaces itself', async () => {
      const importId = newId();
      await subject.repository.saveMany([aRow(importId, 2, 'valid'), aRow(importId, 3, 'rejected')]);
      await subject.repository.saveMany([aRow(importId, 2, 'applied')]);

      expect(await subject.repository.listAfter(subject.tenantId, importId, 'validated', 1, 10)).toEqual([
        aRow(importId, 2, 'applied'),
      ]);
      expect(await subject.repository.listAfter(subject.tenantId, importId, 'reported', 1, 10)).toEqual([
        aRow(importId, 3, 'rejected'),
      ]);
    });

    it('lists a selection of an import in row order after a row, a page at most, within its tenant', async () => {
      const importId = newId();
      const rows = [
        aRow(importId, 5, 'refused'),
        aRow(importId, 2, 'valid'),
        aRow(importId, 4, 'rejected'),
        aRow(importId, 3, 'applied'),
        aRow(importId, 6, 'valid'),
      ];
      await subject.repository.saveMany(rows);
      await subject.repository.saveMany([{ ...aRow(newId(), 2, 'valid') }]);

      const rowsOf = (list: ImportRow[]) => list.map((row) => row.row);
      expect(
        rowsOf(await subject.repository.listAfter(subject.tenantId, importId, 'validated', 1, 2)),
      ).toEqual([2, 3]);
      expect(
        rowsOf(await subject.repository.listAfter(subject.tenantId, importId, 'validated', 3, 10)),
      ).toEqual([5, 6]);
      expect(
        rowsOf(await subject.repository.listAfter(subject.tenantId, importId, 'reported', 1, 10)),
      ).toEqual([4, 5]);
      expect(await subject.repository.listAfter(contractTenant(), importId, 'validated', 1, 10)).toEqual([]);
    });

    it('reports the valid and applied rows that carry a note, with the rejected and refused ones', async () => {
      const importId = newId();
      const note = (row: number) => ({
        row,
        column: 'Filters',
        code: 'IMPORT_ROW.FILTER_UNMATCHED',
        message: 'Nobody.',
        value: 'COUNTRY=United-Kingdom',
      });
      await subject.repository.saveMany([
        { ...aRow(importId, 2, 'valid'), issues: [note(2)] },
        aRow(importId, 3, 'applied'),
        { ...aRow(importId, 4, 'applied'), issues: [note(4)] },
        aRow(importId, 5, 'rejected'),
        aRow(importId, 6, 'valid'),
      ]);

      const reported = await subject.repository.listAfter(subject.tenantId, importId, 'reported', 1, 10);
      expect(reported.map((row) => [row.row, row.issues.map((issue) => issue.code)])).toEqual([
        [2, ['IMPORT_ROW.FILTER_UNMATCHED']],
        [4, ['IMPORT_ROW.FILTER_UNMATCHED']],
        [5, ['IMPORT_ROW.EMAIL_INVALID']],
      ]);
      expect(
        (await subject.repository.listAfter(subject.tenantId, importId, 'validated', 1, 10)).map(
          (row) => row.row,
        ),
      ).toEqual([2, 3, 4, 6]);
    });

    it('tells which new users a valid row of the import names', async () => {
      const importId = newId();
      await subject.repository.saveMany([
        aRow(importId, 2, 'valid', 'named@example.com'),
        aRow(importId, 3, 'rejected', 'rejected@example.com'),
        { ...aRow(importId, 4, 'valid', 'nameless@example.com'), named: false },
      ]);
      await subject.repository.saveMany([aRow(newId(), 2, 'valid', 'elsewhere@example.com')]);

      expect(
        await subject.repository.namedEmails(subject.tenantId, importId, [
          'named@example.com',
          'rejected@example.com',
          'nameless@example.com',
          'elsewhere@example.com',
        ]),
      ).toEqual(new Set(['named@example.com']));
      expect(await subject.repository.namedEmails(contractTenant(), importId, ['named@example.com'])).toEqual(
        new Set(),
      );
    });
  });
}
