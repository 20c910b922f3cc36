import { belongsToPopulation, matchesFilters } from './population-matching';

describe('matchesFilters (ID-C3)', () => {
  const UK = { field: 'COUNTRY', value: 'UK' };
  const IE = { field: 'COUNTRY', value: 'IE' };
  const SALES = { field: 'DEPT', value: 'Sales' };

  it.each([
    ['one filter, the exact value', { COUNTRY: 'UK' }, [UK], true],
    ['a value written otherwise (United-Kingdom for UK)', { COUNTRY: 'United-Kingdom' }, [UK], false],
    ['another case (uk for UK)', { COUNTRY: 'uk' }, [UK], false],
    ['the field missing', { DEPT: 'Sales' }, [UK], false],
    ['two fields, both held', { COUNTRY: 'UK', DEPT: 'Sales' }, [UK, SALES], true],
    ['two fields, one held', { COUNTRY: 'UK', DEPT: 'Ops' }, [UK, SALES], false],
    ['two values of one field: either one', { COUNTRY: 'IE' }, [UK, IE], true],
    ['two values of one field and another field', { COUNTRY: 'IE', DEPT: 'Sales' }, [UK, IE, SALES], true],
    ['two values of one field, neither held', { COUNTRY: 'FR' }, [UK, IE], false],
    ['no filters at all: nobody', { COUNTRY: 'UK' }, [], false],
  ])('given %s, then %s', (_case, customFields, filters, expected) => {
    expect(matchesFilters(customFields, filters)).toBe(expected);
  });

  it("given a coach's own accounts or a deleted user, then they are never in its population", () => {
    const profile = { id: 'manager', learnerUserId: 'learner', filters: [UK], deletedAt: null };
    const fields = { COUNTRY: 'UK' };

    expect(belongsToPopulation(profile, { id: 'manager', customFields: fields, deleted: false })).toBe(false);
    expect(belongsToPopulation(profile, { id: 'learner', customFields: fields, deleted: false })).toBe(false);
    expect(belongsToPopulation(profile, { id: 'ann', customFields: fields, deleted: true })).toBe(false);
    expect(belongsToPopulation(profile, { id: 'ann', customFields: fields, deleted: false })).toBe(true);
  });
});
