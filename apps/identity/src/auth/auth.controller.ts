import { Body, Controller, Get, Header, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiErrors, Access, CurrentPrincipal, type Principal } from '@lms/service-kit';
import { NotSignedInError } from './auth.errors';
import type { Jwk } from './domain/signing-key';
import { CurrentUserResponseDto } from './dto/current-user.response.dto';
import { LogInRequestDto } from './dto/log-in.request.dto';
import { RefreshTokenRequestDto } from './dto/refresh-token.request.dto';
import { TokenPairResponseDto } from './dto/token-pair.response.dto';
import { GetCurrentUserUseCase } from './use-cases/get-current-user.use-case';
import { LogInUseCase } from './use-cases/log-in.use-case';
import { LogOutUseCase } from './use-cases/log-out.use-case';
import { RefreshTokensUseCase } from './use-cases/refresh-tokens.use-case';
import { SigningKeyRing } from './use-cases/signing-key-ring';

/** Sign-in (ID-A1, ID-U4), and the public keys every service verifies access tokens with. */
@Controller('auth')
export class AuthController {
  constructor(
    private readonly keyRing: SigningKeyRing,
    private readonly logInUser: LogInUseCase,
    private readonly refreshTokens: RefreshTokensUseCase,
    private readonly logOutUser: LogOutUseCase,
    private readonly getCurrentUser: GetCurrentUserUseCase,
  ) {}

  @Access('anyone', 'anyone: the public keys that verify access tokens')
  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  jwks(): Promise<{ keys: Jwk[] }> {
    return this.keyRing.jwks();
  }

  /**
   * A new key signs from now on; the retired one stays published until its last token has
   * expired, so nobody is signed out. System Administrators of the host tenant only.
   */
  @Access('system_administrator', 'System Administrators (host tenant)')
  @Post('keys/rotate')
  @HttpCode(200)
  async rotateKeys(): Promise<{ kid: string }> {
    return { kid: await this.keyRing.rotate() };
  }

  @Access('anyone', 'anyone: the credentials are in the body')
  @ApiErrors(
    'AUTH.INVALID_CREDENTIALS',
    'AUTH.ACCOUNT_DEACTIVATED',
    'AUTH.ACCOUNT_EXPIRED',
    'AUTH.TOO_MANY_ATTEMPTS',
  )
  @Post('login')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async logIn(@Body() body: LogInRequestDto, @Ip() address: string): Promise<TokenPairResponseDto> {
    const pair = await this.logInUser.execute({
      tenantId: body.tenant,
      email: body.email,
      password: body.password,
      address,
    });
    return TokenPairResponseDto.from(pair);
  }

  @Access('anyone', 'anyone: the refresh token is the credential')
  @ApiErrors(
    'AUTH.INVALID_REFRESH_TOKEN',
    'AUTH.REFRESH_TOKEN_REUSED',
    'AUTH.ACCOUNT_DEACTIVATED',
    'AUTH.ACCOUNT_EXPIRED',
  )
  @Post('refresh')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async refresh(@Body() body: RefreshTokenRequestDto): Promise<TokenPairResponseDto> {
    return TokenPairResponseDto.from(await this.refreshTokens.execute({ refreshToken: body.refreshToken }));
  }

  /** The refresh token is the credential: whoever holds it may end its login. */
  @Access('anyone', 'anyone: the refresh token is the credential')
  @Post('logout')
  @HttpCode(204)
  async logOut(@Body() body: RefreshTokenRequestDto): Promise<void> {
    await this.logOutUser.execute({ refreshToken: body.refreshToken });
  }

  @Access('user', 'any signed-in user, about itself')
  @Get('me')
  async me(@CurrentPrincipal() principal: Principal): Promise<CurrentUserResponseDto> {
    if (principal.userId === null) throw new NotSignedInError();
    const user = await this.getCurrentUser.execute({
      tenantId: principal.tenantId,
      userId: principal.userId,
    });
    return CurrentUserResponseDto.from(user);
  }
}
