import { ApiProperty } from '@nestjs/swagger';
import type { CheckResult, Readiness } from '../readiness';

/** The process answers. */
export class LivenessView {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

/** Whether the servers the service needs answer, each by name (`database`, `kafka`, `temporal`). */
export class ReadinessView implements Readiness {
  @ApiProperty({ enum: ['ready', 'unavailable'] })
  status!: 'ready' | 'unavailable';
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', enum: ['ok', 'unavailable'] } })
  checks!: Record<string, CheckResult>;
}
