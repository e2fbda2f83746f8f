import { Controller, Get, Query } from '@nestjs/common';
import { PeopleQueryDto } from './dto/people-query.dto';
import { OpsRead } from './ops-access';
import { PeopleSearchService, PersonSummary } from './people-search.service';

@Controller('v1/people')
export class PeopleController {
  constructor(private readonly people: PeopleSearchService) {}

  @Get()
  @OpsRead()
  search(@Query() query: PeopleQueryDto): Promise<{ items: PersonSummary[] }> {
    return this.people.search(query.q, query.limit);
  }
}
