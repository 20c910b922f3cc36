import { InMemoryJobStore } from './in-memory-job-store';
import { jobStoreContract } from './testing/job-store.contract';

jobStoreContract('InMemoryJobStore', async () => new InMemoryJobStore());
