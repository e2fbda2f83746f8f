import { createHmac } from 'node:crypto';
import { constantTimeEquals } from '@tenure/auth';

/** A webhook older or newer than this is refused, so a captured request cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureCheck = 'valid' | 'missing' | 'malformed' | 'stale' | 'mismatch';

export interface SignedRequest {
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer | undefined;
}

export function signPayload(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** Checks `X-Tenure-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` (design.md). */
export function checkSignature(request: SignedRequest, secrets: string[], nowSeconds: number): SignatureCheck {
  const { timestamp, signature, rawBody } = request;
  if (!timestamp || !signature || rawBody === undefined) return 'missing';
  if (!/^\d{1,12}$/.test(timestamp)) return 'malformed';
  if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return 'stale';
  const offered = signature
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .map((part) => part.slice(3));
  if (offered.length === 0) return 'malformed';
  const matches = secrets.some((secret) => {
    const expected = signPayload(secret, timestamp, rawBody);
    return offered.some((candidate) => constantTimeEquals(candidate.toLowerCase(), expected));
  });
  return matches ? 'valid' : 'mismatch';
}
