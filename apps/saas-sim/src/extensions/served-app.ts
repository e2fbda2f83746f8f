import { constantTimeEquals } from '@tenure/auth';
import { SimulatedAppSettings } from '../config/simulated-app';
import { AppDirectory } from '../directory/app-directory';
import { OAuthTokens } from '../oauth/oauth-tokens';
import { LiveConditions } from '../simulation/live-conditions';
import { UserActivity } from './user-activity';

/** One simulated app as served: its settings, its SCIM directory and what its users do in it. */
export interface ServedApp {
  settings: SimulatedAppSettings;
  directory: AppDirectory;
  activity: UserActivity;
  conditions: LiveConditions;
  /** Access tokens issued by the app's OAuth token endpoint, for apps configured with `oauth`. */
  tokens?: OAuthTokens;
  /** Requests addressed to the app (SCIM and its own API): what benchmarks divide by the changes made. */
  requests: { count: number };
}

/** The app's own token, or an access token it issued and that has not expired. */
export function acceptsToken(app: ServedApp, token: string | undefined): boolean {
  if (!token) return false;
  return constantTimeEquals(token, app.settings.token) || app.tokens?.isValid(token) === true;
}

export function serveApp(settings: SimulatedAppSettings): ServedApp {
  const directory = new AppDirectory(settings.id);
  return {
    settings,
    directory,
    activity: new UserActivity(directory),
    conditions: new LiveConditions(settings),
    requests: { count: 0 },
    ...(settings.oauth ? { tokens: new OAuthTokens(settings.oauth.tokenTtlSeconds) } : {}),
  };
}
