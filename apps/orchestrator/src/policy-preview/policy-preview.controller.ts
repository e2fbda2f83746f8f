import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { OpsRead } from '../ops/ops-access';
import { PolicyPreviewView } from './dto/policy-preview.view';
import { PolicyPreviewRequest } from './dto/policy-preview.request';
import { PolicyPreviewService } from './policy-preview.service';

@Controller('v1/policy')
export class PolicyPreviewController {
  constructor(private readonly previews: PolicyPreviewService) {}

  @Post('preview')
  @HttpCode(200)
  @OpsRead()
  @ApiOkResponse({ type: PolicyPreviewView })
  preview(@Body() request: PolicyPreviewRequest): Promise<PolicyPreviewView> {
    return this.previews.preview(request);
  }
}
