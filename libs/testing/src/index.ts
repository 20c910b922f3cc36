export * from './eventually';
export * from './maildev-client';
export * from './unique';
export * from './harness/service-app';
export * from './infra/resolve-infra';
