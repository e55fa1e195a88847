// The text module: every word the app shows, in the language chosen once at start-up. Everything
// that says something (ui/, commands/, backends/, store/, cli.tsx) reads `strings` from here.
export type {Strings} from './en.js';
export * from './current.js';
export * from './sentences.js';
