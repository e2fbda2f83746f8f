import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { OpsRead } from '../ops/ops-access';
import { PolicyPreviewRequest } from './dto/policy-preview.request';
import { PolicyPreview, PolicyPreviewService } from './policy-preview.service';

@Controller('v1/policy')
export class PolicyPreviewController {
  constructor(private readonly previews: PolicyPreviewService) {}

  @Post('preview')
  @HttpCode(200)
  @OpsRead()
  preview(@Body() request: PolicyPreviewRequest): Promise<PolicyPreview> {
    return this.previews.preview(request);
  }
}
