import { Controller, Get, Param } from '@nestjs/common';
import { EmployeeView } from './employee-view';
import { EmployeesService } from './employees.service';

@Controller('v1/employees')
export class EmployeesController {
  constructor(private readonly employees: EmployeesService) {}

  @Get(':employeeId')
  get(@Param('employeeId') employeeId: string): Promise<EmployeeView> {
    return this.employees.get(employeeId);
  }
}
