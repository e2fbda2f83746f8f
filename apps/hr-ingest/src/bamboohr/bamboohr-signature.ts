import { createHmac } from 'node:crypto';
import { constantTimeEquals } from '@tenure/auth';
import { SIGNATURE_TOLERANCE_SECONDS, SignatureCheck } from '../webhooks/webhook-signature';

export interface BambooSignedRequest {
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer | undefined;
}

/** BambooHR signs the raw body followed by the timestamp header, with the webhook's private key. */
export function signBambooPayload(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(rawBody).update(timestamp).digest('hex');
}

/** BambooHR writes the timestamp as unix seconds or as an ISO-8601 date-time. */
function secondsOf(timestamp: string): number | undefined {
  if (/^\d{1,12}$/.test(timestamp)) return Number(timestamp);
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/i.test(timestamp)) return undefined;
  const millis = Date.parse(timestamp.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(millis) ? undefined : Math.floor(millis / 1000);
}

/** Checks `X-BambooHR-Signature: <hex HMAC-SHA256(key, raw body + X-BambooHR-Timestamp)>`. */
export function checkBambooSignature(
  request: BambooSignedRequest,
  secrets: string[],
  nowSeconds: number,
): SignatureCheck {
  const { timestamp, signature, rawBody } = request;
  if (!timestamp || !signature || rawBody === undefined) return 'missing';
  const seconds = secondsOf(timestamp);
  if (seconds === undefined || !/^[0-9a-f]{64}$/i.test(signature.trim())) return 'malformed';
  if (Math.abs(nowSeconds - seconds) > SIGNATURE_TOLERANCE_SECONDS) return 'stale';
  const offered = signature.trim().toLowerCase();
  const matches = secrets.some((secret) => constantTimeEquals(offered, signBambooPayload(secret, timestamp, rawBody)));
  return matches ? 'valid' : 'mismatch';
}
