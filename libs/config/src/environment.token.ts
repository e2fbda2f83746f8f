/** Injection token of a service's validated environment (see loadEnvironment). */
export const ENVIRONMENT = Symbol('ENVIRONMENT');
