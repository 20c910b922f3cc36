import { Body, Controller, Get, Put } from '@nestjs/common';
import { Access, ApiErrors, CurrentPrincipal, IfMatch, type Principal } from '@lms/service-kit';
import { PreferencesResponseDto } from './dto/preferences.response.dto';
import { ReplacePreferencesRequestDto } from './dto/replace-preferences.request.dto';
import { PreferencesUserOnlyError } from './preferences.errors';
import { GetPreferencesUseCase } from './use-cases/get-preferences.use-case';
import { ReplacePreferencesUseCase } from './use-cases/replace-preferences.use-case';

/** HTTP adapter of the caller's own mail preferences (NO-4): which kinds of mail it does not want. */
@Access('user', 'any signed-in user: its own preferences')
@Controller('me')
export class PreferencesController {
  constructor(
    private readonly getPreferences: GetPreferencesUseCase,
    private readonly replacePreferences: ReplacePreferencesUseCase,
  ) {}

  @ApiErrors('PREFERENCES.USER_ONLY')
  @Get('preferences')
  async get(@CurrentPrincipal() caller: Principal): Promise<PreferencesResponseDto> {
    const preferences = await this.getPreferences.execute({
      tenantId: caller.tenantId,
      userId: userOf(caller),
    });
    return PreferencesResponseDto.from(preferences);
  }

  /** Replaces the set: the mails not sent yet follow it. */
  @ApiErrors('PREFERENCES.USER_ONLY', 'PREFERENCES.MANDATORY_CATEGORY', 'REQUEST.STALE_VERSION')
  @Put('preferences')
  async replace(
    @CurrentPrincipal() caller: Principal,
    @Body() body: ReplacePreferencesRequestDto,
    @IfMatch() expectedVersion: number | undefined,
  ): Promise<PreferencesResponseDto> {
    const preferences = await this.replacePreferences.execute({
      tenantId: caller.tenantId,
      userId: userOf(caller),
      optedOut: body.optedOut,
      expectedVersion,
    });
    return PreferencesResponseDto.from(preferences);
  }
}

/** The caller's user id; a caller naming none (a service) has no preferences. */
function userOf(caller: Principal): string {
  if (caller.userId === null) throw new PreferencesUserOnlyError();
  return caller.userId;
}
