export * from './service-app';
export * from './test-token-authority';
export * from './stream-recorder';
export * from './test-database';
export * from './problem';
