import { Body, Controller, HttpCode, HttpStatus, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DocumentDuplicateAnswer } from '../ingest.openapi';
import { IngestEndpoint } from '../limits/ingest-source.decorator';
import { BambooSignatureGuard } from './bamboohr-signature.guard';
import { BambooWebhookService } from './bamboohr-webhook.service';
import { BambooResultsView } from './dto/bamboohr-results.view';
import { BambooWebhookDto } from './dto/bamboohr-webhook.dto';

@Controller('v1/events')
export class BambooWebhookController {
  constructor(private readonly service: BambooWebhookService) {}

  /** 202 when at least one employee's event is new; 200 when the whole delivery was seen before. */
  @IngestEndpoint('bamboohr', BambooSignatureGuard, 'application/json')
  @HttpCode(HttpStatus.ACCEPTED)
  @DocumentDuplicateAnswer(BambooResultsView)
  @Post('bamboohr')
  async receive(
    @Body() body: BambooWebhookDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BambooResultsView> {
    const results = await this.service.accept(body);
    const anyNew = results.some((result) => result.status === 'accepted');
    response.status(anyNew ? HttpStatus.ACCEPTED : HttpStatus.OK);
    return { results };
  }
}
