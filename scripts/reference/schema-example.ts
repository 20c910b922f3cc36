/** The parts of a JSON schema an example is made from. */
interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
}

const FIXED_INSTANT = '2027-01-15T09:00:00.000Z';

/**
 * A value the schema accepts, as an integrator would first try it: the documented example
 * (`@example` in the DTO's doc comment), else the default, the first allowed value, or the
 * smallest value of its type and format. Only required properties of objects are filled in.
 * Throws for a string with a pattern and no example: only its author knows a valid one.
 */
export function exampleOf(schemas: Record<string, unknown>, given: Schema, where = 'body'): unknown {
  const schema = given.$ref
    ? (schemas[given.$ref.replace('#/components/schemas/', '')] as Schema | undefined)
    : given;
  if (!schema) throw new Error(`${where}: unresolved ${given.$ref}`);
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  const variants = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (variants?.length)
    return exampleOf(schemas, variants.find((variant) => variant.type !== 'null') ?? variants[0], where);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const name of schema.required ?? [])
        value[name] = exampleOf(schemas, schema.properties?.[name] ?? {}, `${where}.${name}`);
      return value;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () =>
        exampleOf(schemas, schema.items ?? {}, `${where}[]`),
      );
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return stringExample(schema, where);
  }
}

function stringExample(schema: Schema, where: string): string {
  switch (schema.format) {
    case 'uuid':
      return '0190c0de-0000-7000-8000-00000000c0de';
    case 'email':
      return 'ada@example.com';
    case 'date-time':
      return FIXED_INSTANT;
    case 'date':
      return FIXED_INSTANT.slice(0, 10);
  }
  if (schema.pattern)
    throw new Error(`${where} has a pattern and no example: add an @example to its doc comment`);
  return 'x'.repeat(Math.max(schema.minLength ?? 1, 8));
}
