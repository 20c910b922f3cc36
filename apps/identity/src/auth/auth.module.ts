import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { TenantStoreModule } from '../tenants/tenant-store.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { CredentialsModule } from './credentials.module';
import { FAILURE_COUNTER_MODEL, FailureCounterSchema } from './infra/failure-counter.schema';
import { MongoFailureCounterRepository } from './infra/mongo-failure-counter.repository';
import { MongoRefreshFamilyRepository } from './infra/mongo-refresh-family.repository';
import { MongoRefreshTokenRepository } from './infra/mongo-refresh-token.repository';
import { MongoSigningKeyRepository } from './infra/mongo-signing-key.repository';
import { REFRESH_FAMILY_MODEL, RefreshFamilySchema } from './infra/refresh-family.schema';
import { REFRESH_TOKEN_MODEL, RefreshTokenSchema } from './infra/refresh-token.schema';
import { SIGNING_KEY_MODEL, SigningKeySchema } from './infra/signing-key.schema';
import { FAILURE_COUNTER_REPOSITORY } from './ports/failure-counter.repository';
import { REFRESH_FAMILY_REPOSITORY } from './ports/refresh-family.repository';
import { REFRESH_TOKEN_REPOSITORY } from './ports/refresh-token.repository';
import { SIGNING_KEY_REPOSITORY } from './ports/signing-key.repository';
import { KeyRingVerification } from './key-ring-verification';
import { GetCurrentUserUseCase } from './use-cases/get-current-user.use-case';
import { LogInUseCase } from './use-cases/log-in.use-case';
import { LogOutUseCase } from './use-cases/log-out.use-case';
import { LoginThrottle } from './use-cases/login-throttle';
import { RefreshTokensUseCase } from './use-cases/refresh-tokens.use-case';
import { SigningKeyRing } from './use-cases/signing-key-ring';
import { TokenPairIssuer } from './use-cases/token-pair-issuer';

/** Sign-in (ID-A1, ID-U4): access tokens and their keys, refresh tokens, throttled logins. */
@Module({
  imports: [CredentialsModule, UsersModule, TenantStoreModule],
  controllers: [AuthController],
  providers: [
    mongoModel(SIGNING_KEY_MODEL, SigningKeySchema),
    { provide: SIGNING_KEY_REPOSITORY, useClass: MongoSigningKeyRepository },
    SigningKeyRing,
    KeyRingVerification,
    mongoModel(FAILURE_COUNTER_MODEL, FailureCounterSchema),
    { provide: FAILURE_COUNTER_REPOSITORY, useClass: MongoFailureCounterRepository },
    mongoModel(REFRESH_TOKEN_MODEL, RefreshTokenSchema),
    { provide: REFRESH_TOKEN_REPOSITORY, useClass: MongoRefreshTokenRepository },
    mongoModel(REFRESH_FAMILY_MODEL, RefreshFamilySchema),
    { provide: REFRESH_FAMILY_REPOSITORY, useClass: MongoRefreshFamilyRepository },
    LoginThrottle,
    TokenPairIssuer,
    LogInUseCase,
    RefreshTokensUseCase,
    LogOutUseCase,
    GetCurrentUserUseCase,
  ],
  exports: [SigningKeyRing],
})
export class AuthModule {}
