import { publishedKeys, signingKeyOf, type SigningKey } from './signing-key';

const at = (iso: string) => new Date(iso);

function key(kid: string, createdAt: string, retiredAt: string | null = null): SigningKey {
  return {
    kid,
    algorithm: 'EdDSA',
    publicJwk: { kty: 'OKP', kid },
    privateJwk: { kty: 'OKP', kid },
    createdAt: at(createdAt),
    retiredAt: retiredAt === null ? null : at(retiredAt),
  };
}

describe('signing keys', () => {
  it('given several keys, then the newest not retired signs', () => {
    const keys = [
      key('old', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'),
      key('b', '2026-02-01T00:00:00Z'),
      key('a', '2026-02-01T00:00:00Z'),
      key('older', '2025-12-01T00:00:00Z'),
    ];
    expect(signingKeyOf(keys)?.kid).toBe('b');
    expect(signingKeyOf([key('gone', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')])).toBeNull();
  });

  it('given a retired key, then it stays published until the tokens it signed have expired', () => {
    const keys = [
      key('old', '2026-01-01T00:00:00Z', '2026-02-01T10:00:00Z'),
      key('new', '2026-02-01T10:00:00Z'),
    ];
    const fifteenMinutes = 15 * 60_000;

    expect(publishedKeys(keys, at('2026-02-01T10:14:59Z'), fifteenMinutes).map((k) => k.kid)).toEqual([
      'old',
      'new',
    ]);
    expect(publishedKeys(keys, at('2026-02-01T10:15:00Z'), fifteenMinutes).map((k) => k.kid)).toEqual([
      'new',
    ]);
  });
});
