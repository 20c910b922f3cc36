import { Schema } from 'mongoose';
import type { Jwk } from '../domain/signing-key';

export interface SigningKeyDocument {
  _id: string;
  algorithm: 'EdDSA';
  publicJwk: Jwk;
  privateJwk: Jwk;
  createdAt: Date;
  retiredAt: Date | null;
}

export const SIGNING_KEY_MODEL = 'SigningKey';

/** `_id` is the key's `kid`; no other index: the collection is read whole, and it is tiny. */
export const SigningKeySchema = new Schema<SigningKeyDocument>(
  {
    _id: { type: String, required: true },
    algorithm: { type: String, required: true, enum: ['EdDSA'] },
    publicJwk: { type: Schema.Types.Mixed, required: true },
    privateJwk: { type: Schema.Types.Mixed, required: true },
    createdAt: { type: Date, required: true },
    retiredAt: { type: Date, default: null },
  },
  { collection: 'signing_keys', versionKey: false, minimize: false },
);
