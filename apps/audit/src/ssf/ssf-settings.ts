/** Where the transmitter is and who may use it (from the audit environment). */
export interface SsfSettings {
  /** The transmitter's issuer: the base URL receivers reach the audit service at. */
  issuer: string;
  /** The `aud` receivers' access tokens must carry (their OAuth client credentials grant asks for it). */
  audience: string;
  /** The OAuth client ids of receivers allowed to manage streams; empty: nobody. */
  receivers: readonly string[];
  /** The OAuth provider that issues receivers' tokens (its discovery document and keys). */
  oauthIssuer: string;
  topicPrefix: string;
  brokers: string[];
}

export const SSF_SETTINGS = Symbol('SSF_SETTINGS');
