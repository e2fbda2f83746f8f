import { AppConfig } from '@tenure/config';
import { Connector, ConnectorCapability } from '../connectors/connector';
import { createConnector } from '../connectors/connector.factory';
import { resolveAppCredentials } from './app-credentials';
import { UnknownAppException } from './unknown-app.exception';

export interface AppSummary {
  id: string;
  displayName: string;
  connector: string;
  capabilities: readonly ConnectorCapability[];
}

interface RegisteredApp {
  summary: AppSummary;
  connector: Connector;
}

/** The configured apps, each with its connector, built once at start. */
export class AppRegistry {
  private readonly apps: Map<string, RegisteredApp>;

  constructor(apps: readonly { id: string; displayName: string; connector: Connector }[]) {
    this.apps = new Map(
      apps.map(({ id, displayName, connector }) => [
        id,
        { summary: { id, displayName, connector: connector.kind, capabilities: connector.capabilities }, connector },
      ]),
    );
  }

  static fromConfig(apps: readonly AppConfig[], env: NodeJS.ProcessEnv): AppRegistry {
    return new AppRegistry(
      resolveAppCredentials(apps, env).map(({ app, credential }) => ({
        id: app.id,
        displayName: app.displayName,
        connector: createConnector(app, credential),
      })),
    );
  }

  list(): AppSummary[] {
    return [...this.apps.values()].map(({ summary }) => summary);
  }

  connectorFor(appId: string): Connector {
    const app = this.apps.get(appId);
    if (!app) throw new UnknownAppException(appId);
    return app.connector;
  }
}
