export * from './logger';
export * from './service-metrics';
export * from './scraped-gauge';
