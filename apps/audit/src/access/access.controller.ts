import { Controller, Get, Query } from '@nestjs/common';
import { AuditRead } from '../audit-roles';
import { AccessAtTime, AccessService } from './access.service';
import { AccessQueryDto } from './dto/access-query.dto';

@Controller('v1/audit')
@AuditRead()
export class AccessController {
  constructor(private readonly access: AccessService) {}

  @Get('access')
  at(@Query() query: AccessQueryDto): Promise<AccessAtTime> {
    return this.access.at(query);
  }
}
