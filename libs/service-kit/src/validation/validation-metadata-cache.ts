import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

let cached = false;

/**
 * Makes class-validator look up the rules of a class once per set of options instead of on
 * every validation. Without it, each `validate` call scans the rules of every decorated class
 * in the process to find the inherited ones. With a service's DTOs and every event payload
 * loaded, validating events took about 14 % of identity's CPU during a bulk import, and that
 * scan was the largest single part of it. A class's rules, its own and its ancestors', are all
 * declared when the class is defined, before anything of that class can be validated, so
 * the answer never changes afterwards. Idempotent; called wherever the platform validates.
 */
export function cacheValidationMetadata(): void {
  if (cached) return;
  cached = true;
  const storage = getMetadataStorage();
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const byTarget = new WeakMap<object, Map<string, ValidationMetadata[]>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = JSON.stringify([schema, always, strictGroups, groups ?? []]);
    let byOptions = byTarget.get(target);
    if (!byOptions) {
      byOptions = new Map();
      byTarget.set(target, byOptions);
    }
    let rules = byOptions.get(key);
    if (!rules) {
      rules = lookUp(target, schema, always, strictGroups, groups);
      byOptions.set(key, rules);
    }
    return rules;
  };
}
