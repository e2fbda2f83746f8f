import { Controller, Get, Query } from '@nestjs/common';
import { AuditRead } from '../audit-roles';
import { ChainVerification, ChainVerifierService } from '../verify/chain-verifier.service';
import { AuditEventsPage, AuditQueryService } from './audit-query.service';
import { AuditEventsQueryDto } from './dto/audit-events-query.dto';

@Controller('v1/audit')
@AuditRead()
export class AuditQueryController {
  constructor(
    private readonly query: AuditQueryService,
    private readonly verifier: ChainVerifierService,
  ) {}

  @Get('events')
  events(@Query() query: AuditEventsQueryDto): Promise<AuditEventsPage> {
    return this.query.events(query);
  }

  @Get('verify')
  verify(): Promise<ChainVerification> {
    return this.verifier.verify();
  }
}
