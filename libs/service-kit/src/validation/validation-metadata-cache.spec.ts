import 'reflect-metadata';
import { getMetadataStorage, IsInt, IsString, Min, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Base {
  @IsString()
  name!: unknown;
}

class Child extends Base {
  @IsInt()
  @Min(1, { groups: ['strict'] })
  count!: unknown;
}

function failedProperties(value: object, groups?: string[]): string[] {
  return validateSync(value, groups ? { groups } : {})
    .map((error) => `${error.property}:${Object.keys(error.constraints ?? {}).join('+')}`)
    .sort();
}

function child(name: unknown, count: unknown): Child {
  return Object.assign(new Child(), { name, count });
}

describe('cacheValidationMetadata', () => {
  it('validates exactly as before, inherited rules and groups included, looking each class up once per options', () => {
    const lookUps = jest.spyOn(getMetadataStorage(), 'getTargetValidationMetadatas');
    // Without groups every rule applies; with a group, only that group's rules.
    const cases: Array<[Child, string[] | undefined, string[]]> = [
      [child('Ada', 3), undefined, []],
      [child(7, 'x'), undefined, ['count:min+isInt', 'name:isString']],
      [child('Ada', 0), undefined, ['count:min']],
      [child(7, 0), ['strict'], ['count:min']],
      [child(7, 3), ['strict'], []],
    ];
    const failures = () => cases.map(([value, groups]) => failedProperties(value, groups));
    const expected = cases.map(([, , failed]) => failed);
    expect(failures()).toEqual(expected);
    expect(lookUps).toHaveBeenCalledTimes(cases.length);
    cacheValidationMetadata();
    cacheValidationMetadata();
    lookUps.mockClear();
    for (let round = 0; round < 3; round++) expect(failures()).toEqual(expected);
    // Child without groups, Child with ['strict']: two look-ups for fifteen validations.
    expect(lookUps).toHaveBeenCalledTimes(2);
  });

  it('gives a class defined after the cache was in use its own rules and its ancestors', () => {
    cacheValidationMetadata();
    expect(failedProperties(Object.assign(new Base(), { name: 1 }))).toEqual(['name:isString']);

    class Later extends Base {
      @IsString()
      label!: unknown;
    }

    expect(failedProperties(Object.assign(new Later(), { name: 1, label: 2 }))).toEqual([
      'label:isString',
      'name:isString',
    ]);
    expect(failedProperties(Object.assign(new Base(), { name: 'ok' }))).toEqual([]);
  });
});
