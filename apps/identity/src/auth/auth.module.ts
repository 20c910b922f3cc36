import { Module } from '@nestjs/common';
import { mongoModel } from '@lms/service-kit';
import { AuthController } from './auth.controller';
import { MongoSigningKeyRepository } from './infra/mongo-signing-key.repository';
import { SIGNING_KEY_MODEL, SigningKeySchema } from './infra/signing-key.schema';
import { SIGNING_KEY_REPOSITORY } from './ports/signing-key.repository';
import { SigningKeyRing } from './use-cases/signing-key-ring';

/** Access tokens and their keys (ID-A1). */
@Module({
  controllers: [AuthController],
  providers: [
    mongoModel(SIGNING_KEY_MODEL, SigningKeySchema),
    { provide: SIGNING_KEY_REPOSITORY, useClass: MongoSigningKeyRepository },
    SigningKeyRing,
  ],
  exports: [SigningKeyRing],
})
export class AuthModule {}
