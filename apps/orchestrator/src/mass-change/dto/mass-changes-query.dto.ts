import { IsIn, IsOptional } from 'class-validator';
import { BATCH_STATUSES, BatchStatus } from '../mass-change-batch.entity';

/** Query of `GET /v1/mass-changes`: every batch, newest first, or those of one status. */
export class MassChangesQueryDto {
  @IsOptional()
  @IsIn(BATCH_STATUSES, { message: `status must be one of: ${BATCH_STATUSES.join(', ')}` })
  status?: BatchStatus;
}
