import { useQuery } from '@tanstack/react-query';

export type Role = 'operator' | 'approver' | 'auditor' | 'admin';

export interface Me {
  subject: string;
  employeeId: string | null;
  name: string;
  email: string | null;
  roles: Role[];
  csrfToken: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken = '';
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

/** The API's own words for a refusal: `{"errors": [...]}`, `{"message"}` or `{"error": {"message"}}`. */
function messageOf(status: number, body: unknown): string {
  const b = body as { errors?: { field?: string; message: string }[]; message?: unknown; error?: unknown } | undefined;
  if (b?.errors?.length) return b.errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ');
  if (typeof b?.message === 'string') return b.message;
  if (Array.isArray(b?.message)) return b.message.join('; ');
  if (b?.error && typeof b.error === 'object' && 'message' in b.error) return String((b.error as { message: unknown }).message);
  return `the request failed (${status})`;
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(method !== 'GET' ? { 'x-tenure-csrf': csrfToken } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : method !== 'GET' ? '{}' : undefined,
  });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  if (response.status === 401 && path === '/api/me') throw new ApiError(401, 'not signed in');
  if (!response.ok) throw new ApiError(response.status, messageOf(response.status, body));
  return body as T;
}

export const post = <T,>(path: string, body: unknown = {}) => api<T>(path, { method: 'POST', body });

/** A polled read; `enabled: false` for views the person's roles cannot read anyway. */
export function usePolled<T>(key: unknown[], path: string, enabled = true, interval = 2_000) {
  return useQuery({ queryKey: key, queryFn: () => api<T>(path), enabled, refetchInterval: interval });
}

/** admin may do everything the other roles may. */
export const can = (me: Me | undefined, ...roles: Role[]) =>
  Boolean(me && (me.roles.includes('admin') || roles.some((role) => me.roles.includes(role))));

export const formatTime = (iso?: string | null) => (iso ? new Date(iso).toLocaleString() : '–');

export function formatDuration(ms?: number | null): string {
  if (ms === undefined || ms === null) return '–';
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  if (s < 120) return `${s.toFixed(1)} s`;
  const m = s / 60;
  if (m < 120) return `${m.toFixed(0)} min`;
  return `${(m / 60).toFixed(1)} h`;
}
