export type AcceptanceStatus = 'accepted' | 'duplicate';

export interface Acceptance {
  eventId: string;
  status: AcceptanceStatus;
}
