import { ValidateBy, type ValidationOptions } from 'class-validator';

/** Custom fields of one user, at most. */
export const MAX_CUSTOM_FIELDS = 50;

/**
 * A custom field's key: 1 to 64 characters, no `.`, `:` or NUL, not starting with `$`, so that
 * it can be stored as a field name (MongoDB refuses a NUL in one) and written in a `key:value` filter.
 */
export const CUSTOM_FIELD_KEY = /^[^.:$\u0000][^.:\u0000]{0,63}$/;

/** Values are compared exactly (ID-C3): 1 to 256 characters, kept as given. */
const MAX_VALUE_LENGTH = 256;

function isCustomFields(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= MAX_CUSTOM_FIELDS &&
    entries.every(
      ([key, field]) =>
        CUSTOM_FIELD_KEY.test(key) &&
        typeof field === 'string' &&
        field.length >= 1 &&
        field.length <= MAX_VALUE_LENGTH,
    )
  );
}

/** ID-U1: free key/value pairs, e.g. `{"COUNTRY": "UK"}`. */
export function IsCustomFields(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCustomFields',
      validator: {
        validate: isCustomFields,
        defaultMessage: () =>
          `$property must be an object of at most ${MAX_CUSTOM_FIELDS} fields: keys of 1 to 64 characters without "." or ":", not starting with "$", string values of 1 to ${MAX_VALUE_LENGTH} characters`,
      },
    },
    options,
  );
}
