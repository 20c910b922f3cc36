import { InMemoryPowerUserRepository } from './in-memory-power-user.repository';
import { describePowerUserRepositoryContract } from './power-user-repository.contract';

describePowerUserRepositoryContract('InMemoryPowerUserRepository', () => new InMemoryPowerUserRepository());
