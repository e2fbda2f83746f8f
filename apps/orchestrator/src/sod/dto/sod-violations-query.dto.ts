import { IsOptional, Matches } from 'class-validator';

export class SodViolationsQueryDto {
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { message: 'employeeId must be an employee id' })
  employeeId?: string;
}
