/** What an HTTP connector puts in the Authorization header of each request to an app. */
export interface HttpCredential {
  authorizationHeader(): Promise<string>;
  /** The app refused the credential: forget any cached token so the next request gets a fresh one. */
  invalidate(): void;
  /** Whether a request refused with 401 is worth one more try after invalidate() (a refreshed token). */
  readonly refreshable: boolean;
}
