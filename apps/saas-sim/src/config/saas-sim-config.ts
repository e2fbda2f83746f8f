import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';

/** `max` below `min` would make the random delay meaningless; say so at start instead. */
function IsAtLeastProperty(other: string): PropertyDecorator {
  return (target, key) =>
    registerDecorator({
      name: 'isAtLeastProperty',
      target: target.constructor,
      propertyName: String(key),
      constraints: [other],
      options: { message: `${String(key)} must be at least ${other}` },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const bound = (args.object as Record<string, unknown>)[other];
          return typeof value !== 'number' || typeof bound !== 'number' || value >= bound;
        },
      },
    });
}

export class LatencyRangeConfig {
  @IsInt()
  @Min(0)
  @Max(60_000)
  min: number;

  @IsInt()
  @Min(0)
  @Max(60_000)
  @IsAtLeastProperty('min')
  max: number;
}

/** Share of requests answered with an error instead of being served, to exercise retries. */
export class FaultInjectionConfig {
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  rateLimitedRatio = 0;

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  unavailableRatio = 0;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3600)
  retryAfterSeconds = 1;
}

export const SIMULATED_EXTENSIONS = ['sessions', 'ownedItems'] as const;
export type SimulatedExtension = (typeof SIMULATED_EXTENSIONS)[number];

export class SimulatedAppConfig {
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: 'id must be lower-case letters, digits and dashes' })
  id: string;

  @IsString()
  @MaxLength(128)
  displayName: string;

  @Matches(/^[A-Z][A-Z0-9_]*$/, { message: 'tokenEnv must name an environment variable' })
  tokenEnv: string;

  @ValidateNested()
  @Type(() => LatencyRangeConfig)
  latencyMs: LatencyRangeConfig;

  @IsOptional()
  @ValidateNested()
  @Type(() => FaultInjectionConfig)
  faults?: FaultInjectionConfig;

  /** Non-SCIM features of the app's own API under /<id>/api/v1: sign-in sessions, items users own. */
  @IsOptional()
  @IsArray()
  @IsIn(SIMULATED_EXTENSIONS, { each: true })
  extensions: SimulatedExtension[] = [];

  /** Some apps (Salesforce) never delete users, only deactivate them; DELETE then answers 405. */
  @IsOptional()
  @IsBoolean()
  allowUserDelete = true;
}

/** config/saas-sim.yaml: the simulated apps one saas-sim process serves. */
export class SaasSimConfig {
  @IsArray()
  @ArrayNotEmpty({ message: 'apps must list at least one app' })
  @ValidateNested({ each: true })
  @Type(() => SimulatedAppConfig)
  @ArrayUnique((app: SimulatedAppConfig) => app.id, { message: 'each app id must appear once' })
  apps: SimulatedAppConfig[];
}
