import { IsIn, IsOptional } from 'class-validator';
import { AuditFilterDto } from '../../query/dto/audit-filter.dto';
import { EXPORT_FORMATS, ExportFormat } from '../export-format';

/** Query string of `GET /v1/audit/export`: the filters of /events, a format and an order (oldest first by default). */
export class AuditExportQueryDto extends AuditFilterDto {
  @IsIn(EXPORT_FORMATS, { message: 'format must be csv or jsonl' })
  format: ExportFormat;

  @IsOptional()
  @IsIn(['desc', 'asc'])
  order: 'desc' | 'asc' = 'asc';
}
