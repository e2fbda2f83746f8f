import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { PeopleListView } from './dto/person-summary.view';
import { PeopleQueryDto } from './dto/people-query.dto';
import { OpsRead } from './ops-access';
import { PeopleSearchService } from './people-search.service';

@Controller('v1/people')
export class PeopleController {
  constructor(private readonly people: PeopleSearchService) {}

  @Get()
  @OpsRead()
  @ApiOkResponse({ type: PeopleListView })
  search(@Query() query: PeopleQueryDto): Promise<PeopleListView> {
    return this.people.search(query.q, query.limit);
  }
}
