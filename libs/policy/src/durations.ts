export const DURATION = /^(\d{1,5})(s|m|h|d)$/;
export const DURATION_MESSAGE = '$property must be a duration such as 30s, 15m, 12h or 30d';
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** `30d` → milliseconds; the format is validated when the policy file loads. */
export function durationMs(duration: string): number {
  const match = DURATION.exec(duration);
  if (!match) throw new Error(`not a duration: ${duration}`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
