import { ApiProperty } from '@nestjs/swagger';
import { MAIL_CATEGORIES, type MailCategory, type MailPreferences } from '../domain/mail-preferences';

/** A user's mail preferences (NO-4); the `ETag` is their version. */
export class PreferencesResponseDto {
  /** The user's id: one's preferences are known by their owner. */
  id!: string;
  /** The categories the user does not want mailed, in catalogue order. */
  @ApiProperty({ enum: MAIL_CATEGORIES, isArray: true })
  optedOut!: MailCategory[];
  /** Null while the user never set any. */
  updatedAt!: string | null;
  /** 0 while the user never set any. */
  version!: number;

  static from(preferences: MailPreferences): PreferencesResponseDto {
    return {
      id: preferences.userId,
      optedOut: [...preferences.optedOut],
      updatedAt: preferences.updatedAt ? preferences.updatedAt.toISOString() : null,
      version: preferences.version,
    };
  }
}
