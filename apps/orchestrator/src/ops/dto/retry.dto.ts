import { IsOptional, Matches } from 'class-validator';
import { DecisionDto } from './access-request.dto';

/** Body of `POST /v1/runs/:runId/retry`: every failed step, or only one app's. */
export class RetryDto extends DecisionDto {
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: 'appId must be an app id such as slack' })
  appId?: string;
}
