export * from './lib/plan';
export * from './lib/auth';
export * from './lib/updates';
export * from './lib/risks';
export * from './lib/gantt';
export * from './lib/accounts';
export * from './lib/plan-versions';
export * from './lib/imports';
