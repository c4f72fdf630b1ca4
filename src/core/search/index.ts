/** The search index (knowledge-index.ts) and what it reads and returns, for the rest of the core. */
export * from './knowledge-index.ts';
