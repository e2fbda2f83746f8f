import { Controller, Get, Param } from '@nestjs/common';
import { EmployeeView } from './employee-view';
import { EmployeesService } from './employees.service';
import { OpsRead } from './ops-access';

@Controller('v1/employees')
export class EmployeesController {
  constructor(private readonly employees: EmployeesService) {}

  @Get(':employeeId')
  @OpsRead()
  get(@Param('employeeId') employeeId: string): Promise<EmployeeView> {
    return this.employees.get(employeeId);
  }
}
