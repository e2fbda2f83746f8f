import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TenureConfig } from '@tenure/policy';
import { PolicyPreviewController } from './policy-preview.controller';
import { PolicyPreviewService } from './policy-preview.service';

/** `POST /v1/policy/preview`: the effect of a candidate policy on everyone Tenure manages. */
@Module({})
export class PolicyPreviewModule {
  static register(config: TenureConfig): DynamicModule {
    return {
      module: PolicyPreviewModule,
      controllers: [PolicyPreviewController],
      providers: [
        {
          provide: PolicyPreviewService,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new PolicyPreviewService(config, dataSource),
        },
      ],
    };
  }
}
