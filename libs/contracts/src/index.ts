export * from './error-codes.js';
export * from './api.js';
export * from './two-factor-code.js';
export * from './input-rules.js';
