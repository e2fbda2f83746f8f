import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { PersonPrincipal, SignedIn, SignedInPerson } from '@tenure/auth';
import { IsIn, IsOptional } from 'class-validator';
import { AccessRequestQueueService } from './access-request-queue.service';
import { AccessRequestListView } from './dto/access-request.view';

export class AccessRequestQueueQuery {
  @IsOptional()
  @IsIn(['pending'], { message: 'status must be pending' })
  // eslint-disable-next-line @typescript-eslint/prefer-as-const -- the annotation is what decorator metadata (Swagger, validation) reads
  status: 'pending' = 'pending';
}

/** The access requests waiting for the signed-in person's decision: their reports', and those they own entries of. */
@Controller('v1/access-requests')
export class AccessRequestQueueController {
  constructor(private readonly queue: AccessRequestQueueService) {}

  @Get()
  @SignedIn()
  @ApiOkResponse({ type: AccessRequestListView })
  toDecide(@SignedInPerson() person: PersonPrincipal, @Query() _query: AccessRequestQueueQuery): Promise<AccessRequestListView> {
    return this.queue.toDecide(person);
  }
}
