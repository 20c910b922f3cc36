import { isDuplicateKeyError } from './duplicate-key';

describe('isDuplicateKeyError', () => {
  it('recognises a single write refused by a unique index', () => {
    expect(isDuplicateKeyError(Object.assign(new Error('E11000 duplicate key'), { code: 11000 }))).toBe(true);
    expect(isDuplicateKeyError({ code: 11001 })).toBe(true);
  });

  it('recognises a bulk write whose every write error is a duplicate key', () => {
    expect(isDuplicateKeyError({ writeErrors: [{ code: 11000 }, { code: 11000 }] })).toBe(true);
    expect(isDuplicateKeyError({ writeErrors: { code: 11000 } })).toBe(true);
  });

  it('refuses a bulk write with another error among its write errors', () => {
    expect(isDuplicateKeyError({ writeErrors: [{ code: 11000 }, { code: 121 }] })).toBe(false);
  });

  it('refuses anything else', () => {
    expect(isDuplicateKeyError(new Error('E11000 duplicate key'))).toBe(false);
    expect(isDuplicateKeyError({ code: 112 })).toBe(false);
    expect(isDuplicateKeyError({ code: '11000' })).toBe(false);
    expect(isDuplicateKeyError({ writeErrors: [] })).toBe(false);
    expect(isDuplicateKeyError(null)).toBe(false);
    expect(isDuplicateKeyError(11000)).toBe(false);
  });
});
