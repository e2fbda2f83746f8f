import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CIRCUIT_STATES, type CircuitState } from '@tenure/contracts';
import type { AppHealthView } from '../app-health.service';

/** One app's circuit, recent error rate and the steps waiting for an operator. */
export class AppHealthEntryView implements AppHealthView {
  appId!: string;
  displayName!: string;
  @ApiProperty({ enum: [...CIRCUIT_STATES, 'unknown'] })
  circuit!: CircuitState | 'unknown';
  consecutiveFailures!: number;
  @ApiPropertyOptional({ format: 'date-time' })
  openUntil?: string;
  requests!: number;
  failed!: number;
  @ApiProperty({ type: Number, nullable: true })
  errorRate!: number | null;
  stepsNeedingAttention!: number;
}

export class AppHealthListView {
  apps!: AppHealthEntryView[];
}
