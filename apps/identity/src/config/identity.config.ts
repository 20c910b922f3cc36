import type { IdentityEnv } from './identity.env';

/** Settings of the identity service, grouped for the code that uses them. */
export interface IdentityConfig {
  tokens: {
    issuer: string;
    accessTokenTtlSeconds: number;
  };
}

export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');

export function identityConfigFrom(env: IdentityEnv): IdentityConfig {
  return { tokens: { issuer: env.TOKEN_ISSUER, accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS } };
}
