// Which language to speak: --lang, else M365_LICENSES_LANG, else the preference (config.json), else the locale (LC_ALL, LC_MESSAGES,
// LANG, the first one set, as the C library reads them), else English. doctor says which and why.
import {isLanguage, type Language} from './current.js';

export type LanguageSource = 'flag' | 'env' | 'preference' | 'locale' | 'default';

export interface LanguageChoice {
	id: Language;
	source: LanguageSource;
	/** What decided it, as given: "--lang da", "M365_LICENSES_LANG=da", "LANG=da_DK.UTF-8"; null when nothing was set. */
	from: string | null;
}

/** A value that names no language: the flag or variable, and what it was. */
export interface BadLanguage {
	bad: '--lang' | 'M365_LICENSES_LANG';
	value: string;
}

const localeVariables = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/** "da_DK.UTF-8", "da", "da_DK@euro": Danish. */
const danishLocale = (value: string) => /^da(?![a-z])/i.test(value);

export function chooseLanguage(flag: string | undefined, env: NodeJS.ProcessEnv, preferred?: Language): LanguageChoice | BadLanguage {
	if (flag !== undefined) {
		const id = flag.trim().toLowerCase();
		return isLanguage(id) ? {id, source: 'flag', from: `--lang ${flag}`} : {bad: '--lang', value: flag};
	}
	const own = env['M365_LICENSES_LANG'];
	if (own) {
		const id = own.trim().toLowerCase();
		return isLanguage(id) ? {id, source: 'env', from: `M365_LICENSES_LANG=${own}`} : {bad: 'M365_LICENSES_LANG', value: own};
	}
	if (preferred) return {id: preferred, source: 'preference', from: `language: ${preferred}`};
	// The first one set decides, Danish or not: LC_ALL=C over LANG=da_DK is the C locale, English here.
	const variable = localeVariables.find(name => env[name]);
	if (!variable) return {id: 'en', source: 'default', from: null};
	const value = env[variable]!;
	const from = `${variable}=${value}`;
	return danishLocale(value) ? {id: 'da', source: 'locale', from} : {id: 'en', source: 'default', from};
}

/** A flag's value in the command line, read before it is parsed: --help and parse errors speak the language too. */
export function flagValue(argv: readonly string[], name: string): string | undefined {
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--') return undefined;
		if (arg === `--${name}`) return argv[i + 1];
		if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
	}
	return undefined;
}

/** The --lang value in the command line, read before it is parsed. */
export const langFlag = (argv: readonly string[]) => flagValue(argv, 'lang');
