import { buildCoachingTestbed, orderedIds, TENANT } from '../testing/coaching-testbed';
import { assignmentsCsv } from './assignments-csv';
import type { Assignment } from './domain/assignment';

async function textOf(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

async function* listOf(assignments: Assignment[]): AsyncIterable<Assignment> {
  yield* assignments;
}

describe('the assignments export (CO-A12)', () => {
  it('writes a header and one row per assignment, a formula-like cell defused', async () => {
    const t = buildCoachingTestbed({ now: '2025-03-10T09:00:00.000Z' });
    const [mentee, coach1, coach2] = orderedIds(3);
    await t.givenUsers(mentee, coach1, coach2);
    const created = await t.createAssignment.execute({
      tenantId: TENANT,
      menteeId: mentee,
      coachIds: [coach1, coach2],
    });
    const hostile = { ...created, id: '=HYPERLINK("http://evil.example")', endReason: null };

    const text = await textOf(assignmentsCsv(listOf([created, hostile as Assignment])));

    const [header, first, second, rest] = text.split('\n');
    expect(header).toBe(
      'id,menteeId,coachIds,origin,groupAssignmentId,groupId,startDate,endDate,status,active,createdAt,endedAt,endReason,lastInteractionAt',
    );
    expect(first).toBe(
      `${created.id},${mentee},${coach1} ${coach2},individual,,,2025-03-10,,current,true,2025-03-10T09:00:00.000Z,,,`,
    );
    expect(second.startsWith(`"'=HYPERLINK(""http://evil.example"")"`)).toBe(true);
    expect(rest).toBe('');
  });
});
