import { Module } from '@nestjs/common';
import { Argon2PasswordHasher } from './infra/argon2-password-hasher';
import { PASSWORD_HASHER } from './ports/password-hasher';

/** Password hashing, for the features that set passwords (users, tenants) and the one that checks them (sign-in). */
@Module({
  providers: [{ provide: PASSWORD_HASHER, useClass: Argon2PasswordHasher }],
  exports: [PASSWORD_HASHER],
})
export class CredentialsModule {}
