import mongoose, { Schema, type Connection, type Model } from 'mongoose';
import { encodeCursor, type Page, type SortOrder } from '@lms/kernel';
import { uniqueSuffix } from '@lms/testing';
import { findPage } from '../src';

interface ThingDocument {
  _id: string;
  tenantId: string;
  at: Date;
  day: string;
  rank: number;
}

const byNewest: SortOrder = [
  ['at', -1],
  ['_id', -1],
];
const byDayThenRank: SortOrder = [
  ['day', 1],
  ['rank', -1],
  ['_id', 1],
];

describe('findPage against the database', () => {
  let connection: Connection;
  let things: Model<ThingDocument>;
  const tenantId = 'tenant-a';

  beforeAll(async () => {
    connection = await mongoose
      // As the services connect: operators in a filter must be the code's own.
      .createConnection(process.env.MONGODB_URI as string, {
        dbName: `find-page-it-${uniqueSuffix()}`,
        sanitizeFilter: true,
      })
      .asPromise();
    things = connection.model<ThingDocument>(
      'Thing',
      new Schema<ThingDocument>(
        { _id: String, tenantId: String, at: Date, day: String, rank: Number },
        { versionKey: false },
      ),
    );
  });

  afterAll(async () => {
    await connection?.dropDatabase();
    await connection?.close();
  });

  beforeEach(async () => {
    await things.deleteMany({});
  });

  function thing(id: string, minute: number, day = '2026-01-01', rank = 0, tenant = tenantId): ThingDocument {
    return { _id: id, tenantId: tenant, at: new Date(Date.UTC(2026, 0, 1, 0, minute)), day, rank };
  }

  async function readAll(order: SortOrder, limit: number): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page: Page<string> = await findPage(
        things.find({ tenantId }),
        order,
        { limit, cursor },
        (t: ThingDocument) => t._id,
      );
      ids.push(...page.items);
      if (page.nextCursor === null) return ids;
      cursor = page.nextCursor;
    }
  }

  it('given ties on the date, then following the cursors reads every item once, newest first, ties by id', async () => {
    await things.insertMany([
      thing('a', 1),
      thing('b', 3),
      thing('c', 3),
      thing('d', 3),
      thing('e', 2),
      thing('f', 5),
      thing('x', 4, '2026-01-01', 0, 'tenant-b'),
    ]);

    for (const limit of [1, 2, 3, 10])
      expect(await readAll(byNewest, limit)).toEqual(['f', 'd', 'c', 'b', 'e', 'a']);
  });

  it('given an order of three keys in mixed directions, then the same as sorting everything at once', async () => {
    const all = Array.from({ length: 23 }, (_, i) =>
      thing(`t${String(i).padStart(2, '0')}`, i, `2026-01-0${(i % 3) + 1}`, i % 4),
    );
    await things.insertMany(all);
    const expected = (await things.find({ tenantId }).sort({ day: 1, rank: -1, _id: 1 }).lean()).map(
      (t) => t._id,
    );

    expect(await readAll(byDayThenRank, 4)).toEqual(expected);
  });

  it('given items added before and removed after the cursor between two pages, then the next page goes on where the last one stopped', async () => {
    await things.insertMany([thing('a', 1), thing('b', 2), thing('c', 3), thing('d', 4)]);
    const first = await findPage(
      things.find({ tenantId }),
      byNewest,
      { limit: 2 },
      (t: ThingDocument) => t._id,
    );

    await things.insertMany([thing('z', 9), thing('bb', 2)]);
    await things.deleteOne({ _id: 'a' });
    const second = await findPage(
      things.find({ tenantId }),
      byNewest,
      { limit: 5, cursor: first.nextCursor ?? undefined },
      (t: ThingDocument) => t._id,
    );

    expect(first.items).toEqual(['d', 'c']);
    expect(second).toEqual({ items: ['bb', 'b'], limit: 5, nextCursor: null });
  });

  it('given a cursor made for another order, then PAGE.CURSOR_INVALID and nothing read', async () => {
    const cursor = encodeCursor([['_id', 1]], ['a']);

    await expect(
      findPage(things.find({ tenantId }), byNewest, { limit: 2, cursor }, (t: ThingDocument) => t._id),
    ).rejects.toMatchObject({ code: 'PAGE.CURSOR_INVALID', kind: 'malformed' });
  });

  it('given an order that does not end with the id, then it is a programming error', async () => {
    await expect(
      findPage(things.find({ tenantId }), [['at', -1]], { limit: 2 }, (t: ThingDocument) => t._id),
    ).rejects.toThrow(/ends with `_id`/);
  });
});
