// The language in use: every word the app shows is read through `strings`, a binding that setLanguage
// sets; reading it is a property access, as cheap as the English object alone was.
import {da} from './da.js';
import {en, type Strings} from './en.js';

export const languages = {en, da} as const satisfies Record<string, Strings>;
export type Language = keyof typeof languages;
export const languageIds = Object.keys(languages) as Language[];

/** The words of the language in use. */
export let strings: Strings = en;
/** The language in use. */
export let language: Language = 'en';

/** Sets the language every word is said in from now on: at start-up, and in tests. */
export function setLanguage(id: Language): void {
	strings = languages[id];
	language = id;
}

/**
 * Builds in English whatever the language in use: --json's fields other than `text` are the same in
 * every language, so a script reading them is not changed by a Danish locale.
 */
export function inEnglish<T>(build: () => T): T {
	const was = language;
	setLanguage('en');
	try {
		return build();
	} finally {
		setLanguage(was);
	}
}

export const isLanguage = (value: string): value is Language => Object.hasOwn(languages, value);
