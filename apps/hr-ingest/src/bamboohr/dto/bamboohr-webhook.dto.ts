import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export const BAMBOO_ACTIONS = ['Created', 'Updated', 'Deleted'] as const;
export type BambooAction = (typeof BAMBOO_ACTIONS)[number];

/** One employee of a BambooHR field-based webhook. */
export class BambooEmployeeDto {
  /** BambooHR's own employee id, a number in JSON. */
  @Transform(({ value }) => (typeof value === 'number' && Number.isInteger(value) ? String(value) : value))
  @IsString()
  @MaxLength(64)
  id: string;

  @IsIn(BAMBOO_ACTIONS, { message: `action must be one of: ${BAMBOO_ACTIONS.join(', ')}` })
  action: BambooAction;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  timestamp?: string;

  /** The fields chosen in BambooHR's webhook settings: a value, or `{"value": ...}`. */
  @IsObject()
  fields: Record<string, unknown>;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  changedFields?: string[];
}

/** Body of `POST /v1/events/bamboohr`. */
export class BambooWebhookDto {
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(1000)
  @IsObject({ each: true, message: 'each of employees must be an object' })
  @ValidateNested({ each: true })
  @Type(() => BambooEmployeeDto)
  employees: BambooEmployeeDto[];
}
