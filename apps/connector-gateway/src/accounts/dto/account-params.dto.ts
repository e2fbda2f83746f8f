import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AppParams {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  appId: string;
}

export class AccountParams extends AppParams {
  /** The account's id in the app, as returned when it was created. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  externalId: string;
}
