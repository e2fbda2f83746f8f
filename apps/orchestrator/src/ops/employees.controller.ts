import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { EmployeeDetailView } from './dto/employee.view';
import { EmployeesService } from './employees.service';
import { OpsRead } from './ops-access';

@Controller('v1/employees')
export class EmployeesController {
  constructor(private readonly employees: EmployeesService) {}

  @Get(':employeeId')
  @OpsRead()
  @ApiOkResponse({ type: EmployeeDetailView })
  get(@Param('employeeId') employeeId: string): Promise<EmployeeDetailView> {
    return this.employees.get(employeeId);
  }
}
