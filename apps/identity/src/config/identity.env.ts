import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';
import { PlatformEnv } from '@lms/service-kit';

/** The identity service's environment, checked at start-up. */
export class IdentityEnv extends PlatformEnv {
  override PORT = 3101;

  /** `iss` of the access tokens identity signs; verifiers expect the same value. */
  @IsString()
  @IsNotEmpty()
  TOKEN_ISSUER = 'coaching-platform-identity';

  /** Lifetime of an access token, in seconds: minutes, since an access token cannot be revoked. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(3_600)
  ACCESS_TOKEN_TTL_SECONDS = 900;
}
