import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/**
 * Documents a list route's answer, a `Page` of `item`: the items, the limit, and the cursor
 * that reads the next page (`null` on the last). The Swagger plugin cannot read a generic
 * return type, so every list route says what its items are.
 */
export function ApiPage(item: Type<unknown>): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description: 'One page of the list, in its order; pass `nextCursor` as `cursor` to read the next one.',
      schema: {
        type: 'object',
        required: ['items', 'limit', 'nextCursor'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          limit: { type: 'integer', minimum: 1, example: 50 },
          nextCursor: {
            type: 'string',
            nullable: true,
            description: 'Reads the page after this one; `null` on the last page.',
            example: null,
          },
        },
      },
    }),
  );
}
