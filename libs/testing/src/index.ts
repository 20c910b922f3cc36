export * from './eventually';
export * from './fixed-clock';
export * from './maildev-client';
export * from './unique';
export * from './http-client';
export * from './platform/platform-processes';
export * from './infra/resolve-infra';
export * from './account-defaults';
