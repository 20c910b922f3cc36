import {
  checkContent,
  editRecord,
  newRecord,
  patchedContent,
  sameContent,
  trimmedText,
  type Evaluation,
} from './coaching-record';

const NOW = new Date('2025-03-10T09:00:00.000Z');

function anEvaluation(): Evaluation {
  return newRecord(
    {
      tenantId: 't',
      kind: 'evaluation',
      menteeId: 'mentee',
      authorId: 'coach',
      content: { skill: 'Closing', score: 3, comment: 'Good' },
    },
    { id: 'e-1', now: NOW },
  );
}

describe('trimmedText', () => {
  it('given text with spaces around it, then it is kept trimmed; blank or too long, then nothing is', () => {
    expect(trimmedText('  Closing \n', 10)).toBe('Closing');
    expect(trimmedText(' \n ', 10)).toBeNull();
    expect(trimmedText('x'.repeat(11), 10)).toBeNull();
    expect(trimmedText(` ${'x'.repeat(10)} `, 10)).toBe('x'.repeat(10));
  });
});

describe('checkContent of an evaluation', () => {
  it('given a skill, a score on the scale and an optional comment, then they are kept trimmed', () => {
    expect(checkContent('evaluation', { skill: ' Closing ', score: 5, comment: ' Clear ' })).toEqual({
      ok: true,
      content: { skill: 'Closing', score: 5, comment: 'Clear' },
    });
    expect(checkContent('evaluation', { skill: 'Closing', score: 1, comment: null })).toEqual({
      ok: true,
      content: { skill: 'Closing', score: 1, comment: null },
    });
  });

  it.each([
    ['a blank skill', { skill: '  ', score: 3, comment: null }, 'skill'],
    ['a skill too long', { skill: 'x'.repeat(201), score: 3, comment: null }, 'skill'],
    ['a score below the scale', { skill: 'Closing', score: 0, comment: null }, 'score'],
    ['a score above the scale', { skill: 'Closing', score: 6, comment: null }, 'score'],
    ['a score that is not whole', { skill: 'Closing', score: 2.5, comment: null }, 'score'],
    ['a blank comment', { skill: 'Closing', score: 3, comment: ' ' }, 'comment'],
    ['a comment too long', { skill: 'Closing', score: 3, comment: 'x'.repeat(2001) }, 'comment'],
  ])('given %s, then it is refused, naming the field', (_case, content, field) => {
    const checked = checkContent('evaluation', content);
    expect(checked).toEqual({ ok: false, reason: expect.stringContaining(field) });
  });
});

describe('checkContent of a coaching session', () => {
  it('given a day, notes and an optional outcome, then they are kept trimmed', () => {
    expect(checkContent('coaching_session', { date: '2025-03-14', notes: ' Calls ', outcome: null })).toEqual(
      {
        ok: true,
        content: { date: '2025-03-14', notes: 'Calls', outcome: null },
      },
    );
    expect(
      checkContent('coaching_session', { date: '2024-02-29', notes: 'Calls', outcome: ' Opening ' }),
    ).toEqual({ ok: true, content: { date: '2024-02-29', notes: 'Calls', outcome: 'Opening' } });
  });

  it.each([
    ['a day that does not exist', { date: '2025-02-30', notes: 'n', outcome: null }, 'date'],
    ['a date-time instead of a day', { date: '2025-03-14T10:00:00Z', notes: 'n', outcome: null }, 'date'],
    ['blank notes', { date: '2025-03-14', notes: ' ', outcome: null }, 'notes'],
    ['notes too long', { date: '2025-03-14', notes: 'x'.repeat(4001), outcome: null }, 'notes'],
    ['a blank outcome', { date: '2025-03-14', notes: 'n', outcome: '' }, 'outcome'],
  ])('given %s, then it is refused, naming the field', (_case, content, field) => {
    expect(checkContent('coaching_session', content)).toEqual({
      ok: false,
      reason: expect.stringContaining(field),
    });
  });
});

describe('a record over its life', () => {
  it('given a new record, then it is at version 1, created and updated now', () => {
    expect(anEvaluation()).toMatchObject({ version: 1, createdAt: NOW, updatedAt: NOW });
  });

  it('given a patch, then the fields given replace those of the record, null included, and the others are kept', () => {
    const evaluation = anEvaluation();
    expect(patchedContent(evaluation, { score: 4 })).toEqual({ skill: 'Closing', score: 4, comment: 'Good' });
    expect(patchedContent(evaluation, { comment: null, skill: undefined })).toEqual({
      skill: 'Closing',
      score: 3,
      comment: null,
    });
  });

  it('given an edit, then the record has the new content at its next version, updated then, created as before', () => {
    const later = new Date('2025-03-11T09:00:00.000Z');
    const edited = editRecord(anEvaluation(), { skill: 'Closing', score: 4, comment: null }, later);
    expect(edited).toMatchObject({ version: 2, createdAt: NOW, updatedAt: later, authorId: 'coach' });
    expect(edited.content).toEqual({ skill: 'Closing', score: 4, comment: null });
  });

  it('tells whether two contents say the same', () => {
    const { content } = anEvaluation();
    expect(sameContent(content, { ...content })).toBe(true);
    expect(sameContent(content, { ...content, comment: null })).toBe(false);
  });
});
