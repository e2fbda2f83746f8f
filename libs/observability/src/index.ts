export * from './logger';
export * from './service-metrics';
export * from './scraped-gauge';
export * from './log-shape';
