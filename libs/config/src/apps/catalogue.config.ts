import { Type } from 'class-transformer';
import { IsArray, IsOptional, Matches, ValidateNested } from 'class-validator';

/** One group or role people may ask for, and who must agree besides their manager. */
export class CatalogueEntry {
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 ._:@/-]{0,127}$/, { message: 'name must be a group or role name' })
  name: string;

  /** The employee id of the entitlement's owner, whose approval is needed as well as the manager's. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { message: 'owner must be an employee id' })
  owner?: string;
}

/** What may be requested in an app beyond birthright; anything else is refused. */
export class AppCatalogue {
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CatalogueEntry)
  groups: CatalogueEntry[] = [];

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CatalogueEntry)
  roles: CatalogueEntry[] = [];
}
