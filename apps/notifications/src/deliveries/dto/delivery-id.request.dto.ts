import { IsUUID } from 'class-validator';

/** The `:id` of a delivery. */
export class DeliveryIdParamsDto {
  @IsUUID()
  id!: string;
}
