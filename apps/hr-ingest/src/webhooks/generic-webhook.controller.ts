import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DocumentDuplicateAnswer } from '../ingest.openapi';
import { IngestEndpoint } from '../limits/ingest-source.decorator';
import { AcceptanceView } from './dto/acceptance.view';
import { GenericWebhookDto } from './dto/generic-webhook.dto';
import { GenericWebhookService } from './generic-webhook.service';
import { GenericWebhookSignatureGuard } from './webhook-signature.guard';

@Controller('v1/events')
export class GenericWebhookController {
  constructor(private readonly service: GenericWebhookService) {}

  /** Authenticated by its HMAC signature rather than a bearer token (the guard). */
  @IngestEndpoint('generic', GenericWebhookSignatureGuard, 'application/json')
  @HttpCode(HttpStatus.ACCEPTED)
  @DocumentDuplicateAnswer(AcceptanceView)
  @Post('generic')
  async receive(
    @Body() body: GenericWebhookDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AcceptanceView> {
    const acceptance = await this.service.accept(body);
    response.status(acceptance.status === 'accepted' ? HttpStatus.ACCEPTED : HttpStatus.OK);
    return acceptance;
  }
}
