/** The labels live with the other words below the engines (core/words); the presenters read them from here as before. */
export * from '../words/labels.ts';
