import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DELIVERY_METHODS, DeliveryMethod, PUSH_DELIVERY } from '../ssf-events';

/** The event type URIs a receiver asks for, as a create, update and replace take them. */
const IsEventTypeList = () =>
  applyDecorators(IsOptional(), IsArray(), ArrayMaxSize(50), IsString({ each: true }), MaxLength(256, { each: true }));

const IsStreamDescription = () => applyDecorators(IsOptional(), IsString(), MaxLength(1000));

export class DeliveryDto {
  /** `urn:ietf:rfc:8935` (push to endpoint_url) or `urn:ietf:rfc:8936` (the receiver polls Tenure). */
  @IsIn(DELIVERY_METHODS)
  method: DeliveryMethod;

  /** Push: the receiver's URL (https, or http on loopback). Poll: set by Tenure, ignored here. */
  @ValidateIf((delivery: DeliveryDto) => delivery.method === PUSH_DELIVERY)
  @IsUrl({ protocols: ['https', 'http'], require_tld: false, require_protocol: true })
  @MaxLength(2048)
  endpoint_url?: string;

  /** Push: the Authorization header value Tenure sends with each token. Never shown again. */
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  authorization_header?: string;
}

/** A stream's settings a receiver chooses (SSF 1.0 §8.1.1). */
export class StreamRequestDto {
  @IsObject()
  @ValidateNested()
  @Type(() => DeliveryDto)
  delivery: DeliveryDto;

  /** Event type URIs; those Tenure does not send are left out of events_delivered. */
  @IsEventTypeList()
  events_requested?: string[];

  @IsStreamDescription()
  description?: string;
}

/** PATCH: only what is given changes. */
export class StreamUpdateDto {
  @IsString()
  @MaxLength(64)
  stream_id: string;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DeliveryDto)
  delivery?: DeliveryDto;

  @IsEventTypeList()
  events_requested?: string[];

  @IsStreamDescription()
  description?: string;
}

/** PUT: the whole of what a receiver chooses, for an existing stream. */
export class StreamReplaceDto extends StreamRequestDto {
  @IsString()
  @MaxLength(64)
  stream_id: string;
}

export class StreamIdQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  stream_id?: string;
}

export class StreamIdRequiredQueryDto {
  @IsString()
  @MaxLength(64)
  stream_id: string;
}

export class StatusUpdateDto {
  @IsString()
  @MaxLength(64)
  stream_id: string;

  @IsIn(['enabled', 'paused', 'disabled'])
  status: 'enabled' | 'paused' | 'disabled';

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class VerificationRequestDto {
  @IsString()
  @MaxLength(64)
  stream_id: string;

  /** Echoed in the verification event, so the receiver matches it to its request. */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  state?: string;
}

/** RFC 8936 §2.4: acknowledge what arrived, report what could not be used, ask for more. */
export class PollRequestDto {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  maxEvents?: number;

  @IsOptional()
  @IsIn([true, false], { message: 'returnImmediately must be true or false' })
  returnImmediately?: boolean;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  ack?: string[];

  /** jti → {err, description}: tokens the receiver could not use; they are not sent again. */
  @IsOptional()
  @IsObject()
  setErrs?: Record<string, { err: string; description?: string }>;
}
