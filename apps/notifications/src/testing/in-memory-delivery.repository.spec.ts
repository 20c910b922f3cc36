import { describeDeliveryRepositoryContract } from './delivery-repository.contract';
import { InMemoryDeliveryRepository } from './in-memory-delivery.repository';

describeDeliveryRepositoryContract('InMemoryDeliveryRepository', () => new InMemoryDeliveryRepository());
