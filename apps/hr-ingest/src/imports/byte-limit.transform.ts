import { Transform, TransformCallback } from 'node:stream';

export class TooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the file is larger than ${limitBytes} bytes`);
    this.name = 'TooLargeError';
  }
}

/** Passes bytes through and fails the stream once more than `limitBytes` went by. */
export class ByteLimitTransform extends Transform {
  private seen = 0;

  constructor(private readonly limitBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limitBytes) callback(new TooLargeError(this.limitBytes));
    else callback(null, chunk);
  }
}
