export { dockerEngineAnswers } from './docker-engine';
export { parseEnvFile, resolveTestInfra } from './resolve-infra';
export type { TestInfra, TestInfraSource } from './resolve-infra';
