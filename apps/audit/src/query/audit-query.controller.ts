import { Controller, Get, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import { AuditRead } from '../audit-roles';
import { ChainBrokenView, ChainIntactView } from '../verify/dto/chain-verification.view';
import { ChainVerification, ChainVerifierService } from '../verify/chain-verifier.service';
import { AuditEventsPage, AuditQueryService } from './audit-query.service';
import { AuditEventsQueryDto } from './dto/audit-events-query.dto';
import { AuditEventsPageView } from './dto/audit-event.view';

@Controller('v1/audit')
@AuditRead()
export class AuditQueryController {
  constructor(
    private readonly query: AuditQueryService,
    private readonly verifier: ChainVerifierService,
  ) {}

  @Get('events')
  @ApiOkResponse({ type: AuditEventsPageView })
  events(@Query() query: AuditEventsQueryDto): Promise<AuditEventsPage> {
    return this.query.events(query);
  }

  @Get('verify')
  @ApiExtraModels(ChainIntactView, ChainBrokenView)
  @ApiOkResponse({
    description: 'Whether every link holds; a broken chain answers 200 too, naming the first bad link.',
    schema: { oneOf: [{ $ref: getSchemaPath(ChainIntactView) }, { $ref: getSchemaPath(ChainBrokenView) }] },
  })
  verify(): Promise<ChainVerification> {
    return this.verifier.verify();
  }
}
