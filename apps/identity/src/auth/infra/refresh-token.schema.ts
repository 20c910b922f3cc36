import { Schema } from 'mongoose';

export interface RefreshTokenDocument {
  /** SHA-256 of the token, base64url: the token itself is never stored. */
  _id: string;
  familyId: string;
  tenantId: string;
  userId: string;
  issuedAt: Date;
  expiresAt: Date;
  spentAt: Date | null;
  version: number;
}

export const REFRESH_TOKEN_MODEL = 'RefreshToken';

export const RefreshTokenSchema = new Schema<RefreshTokenDocument>(
  {
    _id: { type: String, required: true },
    familyId: { type: String, required: true },
    tenantId: { type: String, required: true },
    userId: { type: String, required: true },
    issuedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    spentAt: { type: Date, default: null },
    version: { type: Number, required: true },
  },
  { collection: 'refresh_tokens', versionKey: false },
);

/**
 * Spending a token is a compare-and-set on exactly these fields, so that two refreshes with
 * the same token cannot both win, and the local stand-in serves the filter from an index too.
 */
RefreshTokenSchema.index({ _id: 1, version: 1 }, { unique: true, name: 'refresh_token_version' });

/** MongoDB deletes a token once it has expired (the stand-in keeps it; an expired token is refused). */
RefreshTokenSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0, name: 'refresh_token_expiry' });
