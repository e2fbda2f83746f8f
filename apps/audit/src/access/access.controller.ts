import { Controller, Get, Query } from '@nestjs/common';
import { AuditRead } from '../audit-roles';
import { ApiOkResponse } from '@nestjs/swagger';
import { AccessService } from './access.service';
import { AccessAtTimeView } from './dto/access-at-time.view';
import { AccessQueryDto } from './dto/access-query.dto';

@Controller('v1/audit')
@AuditRead()
export class AccessController {
  constructor(private readonly access: AccessService) {}

  @Get('access')
  @ApiOkResponse({ type: AccessAtTimeView })
  at(@Query() query: AccessQueryDto): Promise<AccessAtTimeView> {
    return this.access.at(query);
  }
}
