import { Transform } from 'class-transformer';

/** Trims a string input before it is validated; leaves anything else for the validators to refuse. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
