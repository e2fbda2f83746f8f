import { Controller, Get, Query } from '@nestjs/common';
import { RequireRole } from '@tenure/auth';
import { AUDIT_ROLES } from '../audit-roles';
import { AccessAtTime, AccessService } from './access.service';
import { AccessQueryDto } from './dto/access-query.dto';

@Controller('v1/audit')
@RequireRole(AUDIT_ROLES.auditor)
export class AccessController {
  constructor(private readonly access: AccessService) {}

  @Get('access')
  at(@Query() query: AccessQueryDto): Promise<AccessAtTime> {
    return this.access.at(query);
  }
}
