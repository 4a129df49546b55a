export * from './lib/plan';
