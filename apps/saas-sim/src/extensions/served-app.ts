import { SimulatedAppSettings } from '../config/simulated-app';
import { AppDirectory } from '../directory/app-directory';
import { LiveConditions } from '../simulation/live-conditions';
import { UserActivity } from './user-activity';

/** One simulated app as served: its settings, its SCIM directory and what its users do in it. */
export interface ServedApp {
  settings: SimulatedAppSettings;
  directory: AppDirectory;
  activity: UserActivity;
  conditions: LiveConditions;
}

export function serveApp(settings: SimulatedAppSettings): ServedApp {
  const directory = new AppDirectory(settings.id);
  return { settings, directory, activity: new UserActivity(directory), conditions: new LiveConditions(settings) };
}
