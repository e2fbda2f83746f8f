import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { PolicyPreviewRequest } from './dto/policy-preview.request';
import { PolicyPreview, PolicyPreviewService } from './policy-preview.service';

@Controller('v1/policy')
export class PolicyPreviewController {
  constructor(private readonly previews: PolicyPreviewService) {}

  @Post('preview')
  @HttpCode(200)
  preview(@Body() request: PolicyPreviewRequest): Promise<PolicyPreview> {
    return this.previews.preview(request);
  }
}
