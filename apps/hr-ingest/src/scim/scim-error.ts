import { HttpException } from '@nestjs/common';
import { SCIM_ERROR } from './scim-schemas';

/** RFC 7644 §3.12 scimType values Tenure answers with. */
export type ScimErrorType = 'invalidSyntax' | 'invalidValue' | 'invalidPath' | 'noTarget' | 'tooMany' | 'uniqueness';

export interface ScimErrorBody {
  schemas: [typeof SCIM_ERROR];
  status: string;
  scimType?: ScimErrorType;
  detail: string;
}

export function scimErrorBody(status: number, detail: string, scimType?: ScimErrorType): ScimErrorBody {
  return { schemas: [SCIM_ERROR], status: String(status), ...(scimType ? { scimType } : {}), detail };
}

/** A SCIM error: its HTTP status with the SCIM error message as the body. */
export class ScimException extends HttpException {
  constructor(status: number, detail: string, scimType?: ScimErrorType) {
    super(scimErrorBody(status, detail, scimType), status);
  }
}
