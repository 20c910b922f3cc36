export * from './request-context';
export * from './logger';
export * from './uuid-v7';
