export * from './lib/calendar';
export * from './lib/window';
export * from './lib/window-text';
export * from './lib/flags';
export * from './lib/risk';
export * from './lib/chart';
export * from './lib/baseline';
export * from './lib/forecast';
