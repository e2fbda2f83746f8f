import { ApiProperty } from '@nestjs/swagger';

/** Every link of the chain holds. */
export class ChainIntactView {
  @ApiProperty({ enum: [true] })
  ok!: true;
  count!: number;
  @ApiProperty({ type: String, nullable: true })
  lastSeq!: string | null;
  lastHash!: string;
}

export class BrokenLinkView {
  seq!: string;
  @ApiProperty({ type: String, nullable: true })
  id!: string | null;
}

/** The first link that does not hold, and why. */
export class ChainBrokenView {
  @ApiProperty({ enum: [false] })
  ok!: false;
  count!: number;
  brokenAt!: BrokenLinkView;
  reason!: string;
}
