import { IsString, Length } from 'class-validator';

/** A body carrying a refresh token: to exchange it for a new pair, or to sign its login out. */
export class RefreshTokenRequestDto {
  @IsString() @Length(1, 512) refreshToken!: string;
}
