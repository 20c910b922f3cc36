import 'reflect-metadata';
import {
  ARRAY_MAX_SIZE,
  ARRAY_MIN_SIZE,
  ARRAY_NOT_EMPTY,
  ARRAY_UNIQUE,
  getMetadataStorage,
  IS_ARRAY,
  IS_BOOLEAN,
  IS_DATE_STRING,
  IS_EMAIL,
  IS_ENUM,
  IS_IN,
  IS_INT,
  IS_ISO8601,
  IS_LENGTH,
  IS_NOT_EMPTY,
  IS_NUMBER,
  IS_OBJECT,
  IS_POSITIVE,
  IS_STRING,
  IS_URL,
  IS_UUID,
  MATCHES,
  MAX,
  MAX_LENGTH,
  MIN,
  MIN_LENGTH,
  ValidationTypes,
} from 'class-validator';

/** The subset of JSON Schema (draft 07, as AsyncAPI 3.0 uses it) the contracts need. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: readonly unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  title?: string;
  description?: string;
}

type ValidationMetadata = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];
type PayloadClass = new () => object;

/** Adds what one class-validator rule says to a schema; keyed by the rule's name. */
const RULES: Record<string, (schema: JsonSchema, constraints: readonly unknown[]) => void> = {
  [IS_STRING]: (s) => setType(s, 'string'),
  [IS_UUID]: (s) => Object.assign(setType(s, 'string'), { format: 'uuid' }),
  [IS_EMAIL]: (s) => Object.assign(setType(s, 'string'), { format: 'email' }),
  // `@IsISO8601` accepts a day (`2026-03-01`) as well as an instant: the contracts use both.
  [IS_ISO8601]: (s) =>
    Object.assign(setType(s, 'string'), { anyOf: [{ format: 'date-time' }, { format: 'date' }] }),
  [IS_DATE_STRING]: (s) => Object.assign(setType(s, 'string'), { format: 'date-time' }),
  [IS_URL]: (s) => Object.assign(setType(s, 'string'), { format: 'uri' }),
  [MATCHES]: (s, [pattern]) => Object.assign(setType(s, 'string'), { pattern: (pattern as RegExp).source }),
  [IS_LENGTH]: (s, [min, max]) => {
    if (typeof min === 'number') s.minLength = min;
    if (typeof max === 'number') s.maxLength = max;
  },
  [MIN_LENGTH]: (s, [min]) => void (s.minLength = min as number),
  [MAX_LENGTH]: (s, [max]) => void (s.maxLength = max as number),
  [IS_NOT_EMPTY]: (s) => void (s.minLength = Math.max(s.minLength ?? 0, 1)),
  [IS_IN]: (s, [values]) => enumOf(s, values as readonly unknown[]),
  [IS_ENUM]: (s, [entity]) =>
    enumOf(
      s,
      Object.entries(entity as Record<string, unknown>)
        .filter(([key]) => !/^\d+$/.test(key))
        .map(([, value]) => value),
    ),
  [IS_INT]: (s) => setType(s, 'integer'),
  [IS_NUMBER]: (s) => setType(s, 'number'),
  [IS_BOOLEAN]: (s) => setType(s, 'boolean'),
  [IS_OBJECT]: (s) => setType(s, 'object'),
  [MIN]: (s, [min]) => void (s.minimum = min as number),
  [MAX]: (s, [max]) => void (s.maximum = max as number),
  [IS_POSITIVE]: (s) => void (s.exclusiveMinimum = 0),
  [IS_ARRAY]: (s) => setType(s, 'array'),
  [ARRAY_MIN_SIZE]: (s, [min]) => void (s.minItems = min as number),
  [ARRAY_MAX_SIZE]: (s, [max]) => void (s.maxItems = max as number),
  [ARRAY_NOT_EMPTY]: (s) => void (s.minItems = Math.max(s.minItems ?? 0, 1)),
  [ARRAY_UNIQUE]: (s) => void (s.uniqueItems = true),
};

function enumOf(schema: JsonSchema, values: readonly unknown[]): void {
  schema.enum = [...values];
  if (values.every((v) => typeof v === 'string')) setType(schema, 'string');
  else if (values.every((v) => typeof v === 'number')) setType(schema, 'number');
}

function setType(schema: JsonSchema, type: string): JsonSchema {
  // `isInt` is stricter than `isNumber`; whichever comes first, the integer stays.
  if (!(schema.type === 'integer' && type === 'number')) schema.type = type;
  return schema;
}

/** Schemas of nested payload classes met on the way, by class name. */
export type SchemaRegistry = Map<string, JsonSchema>;

/**
 * The JSON Schema of a payload class, read from class-validator's metadata storage: the
 * rules the consumers actually run. Properties appear base class first. A property is
 * required unless `@IsOptional()` (then it may also be null) or `@ValidateIf()` (validated
 * only under a condition: it may be null or absent otherwise). A rule this function does
 * not know fails the generation, so that the document never silently says less than the
 * contract.
 */
export function payloadSchemaOf(payloadClass: PayloadClass, nested: SchemaRegistry = new Map()): JsonSchema {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(payloadClass, '', true, false);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const target of prototypeChain(payloadClass)) {
    for (const metadata of metadatas.filter((m) => m.target === target)) {
      byProperty.set(metadata.propertyName, [...(byProperty.get(metadata.propertyName) ?? []), metadata]);
    }
  }
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [property, rules] of byProperty) {
    const { schema, optional } = propertySchema(payloadClass, property, rules, nested);
    properties[property] = schema;
    if (!optional) required.push(property);
  }
  return { title: payloadClass.name, type: 'object', properties, required };
}

/** Keys in the order a reader expects them, whatever order the decorators ran in. */
const KEY_ORDER: ReadonlyArray<keyof JsonSchema> = [
  'title',
  'description',
  '$ref',
  'type',
  'format',
  'enum',
  'const',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'properties',
  'required',
  'anyOf',
  'allOf',
  'oneOf',
];

function canonical(schema: JsonSchema): JsonSchema {
  const ordered: Record<string, unknown> = {};
  for (const key of KEY_ORDER) {
    const value = schema[key];
    if (value === undefined) continue;
    ordered[key] = key === 'items' ? canonical(value as JsonSchema) : value;
  }
  return ordered as JsonSchema;
}

/** The class and its ancestors, base first. */
function prototypeChain(payloadClass: PayloadClass): PayloadClass[] {
  const chain: PayloadClass[] = [];
  for (
    let c: unknown = payloadClass;
    typeof c === 'function' && c !== Function.prototype;
    c = Object.getPrototypeOf(c)
  ) {
    chain.unshift(c as PayloadClass);
  }
  return chain;
}

function propertySchema(
  owner: PayloadClass,
  property: string,
  rules: ValidationMetadata[],
  nested: SchemaRegistry,
): { schema: JsonSchema; optional: boolean } {
  const value: JsonSchema = {};
  const item: JsonSchema = {};
  let optional = false;
  let conditional = false;
  for (const rule of rules) {
    const where = `${owner.name}.${property}`;
    switch (rule.type) {
      case ValidationTypes.CONDITIONAL_VALIDATION:
        if (rule.name === 'isOptional') optional = true;
        else conditional = true;
        continue;
      case ValidationTypes.IS_DEFINED:
      case ValidationTypes.WHITELIST:
        continue;
      case ValidationTypes.NESTED_VALIDATION:
        Object.assign(rule.each ? item : value, nestedSchema(owner, property, rule.each, nested));
        continue;
      case ValidationTypes.CUSTOM_VALIDATION: {
        const apply = rule.name ? RULES[rule.name] : undefined;
        if (!apply)
          throw new Error(`${where}: no JSON Schema mapping for the rule "${rule.name ?? '(unnamed)'}"`);
        apply(rule.each ? item : value, (rule.constraints ?? []) as readonly unknown[]);
        continue;
      }
      default:
        throw new Error(`${where}: no JSON Schema mapping for the rule type "${rule.type}"`);
    }
  }
  let schema = Object.keys(item).length > 0 ? { ...value, type: 'array', items: item } : value;
  if (optional || conditional) schema = nullable(schema);
  if (conditional) {
    schema.description =
      'Validated only under a condition of the contract (`@ValidateIf`); otherwise may be null.';
  }
  return { schema: canonical(schema), optional: optional || conditional };
}

/** The schema that also accepts null. */
function nullable(schema: JsonSchema): JsonSchema {
  if (schema.$ref) return { oneOf: [{ $ref: schema.$ref }, { type: 'null' }] };
  const widened: JsonSchema = { ...schema };
  if (typeof schema.type === 'string') widened.type = [schema.type, 'null'];
  if (schema.enum) widened.enum = [...schema.enum, null];
  return widened;
}

function nestedSchema(
  owner: PayloadClass,
  property: string,
  each: boolean,
  nested: SchemaRegistry,
): JsonSchema {
  const designType: unknown = Reflect.getMetadata('design:type', owner.prototype, property);
  if (each || typeof designType !== 'function' || designType === Array || designType === Object) {
    throw new Error(
      `${owner.name}.${property}: nested arrays and untyped nested objects have no JSON Schema mapping yet`,
    );
  }
  const nestedClass = designType as PayloadClass;
  if (!nested.has(nestedClass.name)) {
    nested.set(nestedClass.name, {});
    nested.set(nestedClass.name, payloadSchemaOf(nestedClass, nested));
  }
  return { $ref: `#/components/schemas/${nestedClass.name}` };
}
