// Integration and end-to-end tests wait for real servers and workflows.
jest.setTimeout(90_000);
