import type { TokenPair } from '../use-cases/token-pair-issuer';

/** What a login or a refresh answers (RFC 6749, section 5.1, in camel case). */
export class TokenPairResponseDto {
  accessToken!: string;
  refreshToken!: string;
  tokenType!: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn!: number;

  static from(pair: TokenPair): TokenPairResponseDto {
    return {
      accessToken: pair.accessToken,
      refreshToken: pair.refreshToken,
      tokenType: pair.tokenType,
      expiresIn: pair.expiresIn,
    };
  }
}
