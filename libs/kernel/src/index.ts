// Framework-free building blocks that domain code may import: no Nest, database or Kafka.
export * from './domain-error';
export * from './clock';
export * from './page';
export * from './id';
export * from './optimistic-concurrency';
export * from './bulk-progress';
export * from './newest-state';
export * from './email';
