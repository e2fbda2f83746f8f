import { ApiProperty } from '@nestjs/swagger';
import type { Acceptance, AcceptanceStatus } from '../../inbox/acceptance';

/** What became of one event: stored now (`accepted`), or seen before (`duplicate`). */
export class AcceptanceView implements Acceptance {
  eventId!: string;
  @ApiProperty({ enum: ['accepted', 'duplicate'] })
  status!: AcceptanceStatus;
}
