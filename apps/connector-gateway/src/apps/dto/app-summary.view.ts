import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CIRCUIT_STATES, type AppSummary, type CircuitState, type RecentRequests } from '@tenure/contracts';

export class AppCircuitView {
  @ApiProperty({ enum: CIRCUIT_STATES })
  circuit!: CircuitState;
  consecutiveFailures!: number;
  @ApiPropertyOptional({ format: 'date-time' })
  openUntil?: string;
}

export class RecentRequestsView implements RecentRequests {
  windowSeconds!: number;
  requests!: number;
  failed!: number;
}

/** A configured app, what its connector can do, and its circuit health. */
export class AppSummaryView implements AppSummary {
  appId!: string;
  kind!: string;
  displayName?: string;
  capabilities!: string[];
  health!: AppCircuitView;
  recent?: RecentRequestsView;
}

export class AppListView {
  apps!: AppSummaryView[];
}
