import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { CLOCK, type Clock, normalizeEmail } from '@lms/kernel';
import { TENANT_REPOSITORY, type TenantRepository } from '../../tenants/ports/tenant.repository';
import { USER_REPOSITORY, type UserRepository } from '../../users/ports/user.repository';
import { InvalidCredentialsError } from '../auth.errors';
import { PASSWORD_HASHER, type PasswordHasher } from '../ports/password-hasher';
import { LoginThrottle } from './login-throttle';
import { assertAccountUsable, TokenPairIssuer, type TokenPair } from './token-pair-issuer';

export interface LogInCommand {
  /** The tenant's id (its code). */
  tenantId: string;
  email: string;
  password: string;
  /** The client's address, for throttling. */
  address: string;
}

/**
 * ID-A1: signs a user in with e-mail and password. A wrong password, an unknown e-mail or
 * tenant and a user without a password all answer `AUTH.INVALID_CREDENTIALS` after the same
 * work (a hash is verified in every case), and count as failures. The account's state is told
 * only to whoever knows the password (ID-U4); the accounts of a tenant being deleted stand as
 * deactivated, as they will be once it is deleted (ID-T2).
 */
@Injectable()
export class LogInUseCase {
  private dummyHash: Promise<string> | null = null;

  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(PASSWORD_HASHER) private readonly passwords: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly tokenPairs: TokenPairIssuer,
    @Inject(TENANT_REPOSITORY) private readonly tenants: TenantRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: LogInCommand): Promise<TokenPair> {
    const now = this.clock.now();
    const attempt = {
      tenantId: command.tenantId,
      emailNormalized: normalizeEmail(command.email),
      address: command.address,
    };
    await this.throttle.check(attempt, now);
    const user = await this.users.findByEmail(attempt.tenantId, attempt.emailNormalized);
    const hash = user?.passwordHash ?? (await this.hashOfNoPassword());
    const passwordRight = await this.passwords.verify(hash, command.password);
    if (!user || user.passwordHash === null || !passwordRight) {
      await this.throttle.recordFailure(attempt, now);
      throw new InvalidCredentialsError();
    }
    assertAccountUsable(user, await this.tenants.findById(user.tenantId), now);
    await this.throttle.recordSuccess(attempt);
    return this.tokenPairs.startFamily(user, now);
  }

  /** A hash of a password nobody knows, verified when there is no user's hash to verify. */
  private hashOfNoPassword(): Promise<string> {
    this.dummyHash ??= this.passwords.hash(randomBytes(32).toString('base64url'));
    return this.dummyHash;
  }
}
