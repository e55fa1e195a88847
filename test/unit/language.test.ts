import {describe, expect, it} from 'vitest';
import {chooseLanguage, langFlag} from '../../source/text/language.js';

describe('which language to speak', () => {
	it('--lang, else M365_LICENSES_LANG, else the first locale variable set, else English', () => {
		expect(chooseLanguage('da', {M365_LICENSES_LANG: 'en'})).toEqual({id: 'da', source: 'flag', from: '--lang da'});
		expect(chooseLanguage(' DA ', {})).toMatchObject({id: 'da', source: 'flag'});
		expect(chooseLanguage(undefined, {M365_LICENSES_LANG: 'da', LANG: 'en_US.UTF-8'})).toEqual({id: 'da', source: 'env', from: 'M365_LICENSES_LANG=da'});
		expect(chooseLanguage(undefined, {LC_MESSAGES: 'da_DK.UTF-8', LANG: 'en_US'})).toEqual({id: 'da', source: 'locale', from: 'LC_MESSAGES=da_DK.UTF-8'});
		expect(chooseLanguage(undefined, {LC_ALL: 'C.UTF-8', LANG: 'da_DK'})).toEqual({id: 'en', source: 'default', from: 'LC_ALL=C.UTF-8'});
		expect(chooseLanguage(undefined, {LANG: 'da'})).toMatchObject({id: 'da', source: 'locale'});
		expect(chooseLanguage(undefined, {LANG: 'da_DK@euro'})).toMatchObject({id: 'da'});
		// Not Danish: another language whose code starts with the letters d, a.
		expect(chooseLanguage(undefined, {LANG: 'dav_KE'})).toMatchObject({id: 'en', source: 'default'});
		expect(chooseLanguage(undefined, {M365_LICENSES_LANG: ''})).toEqual({id: 'en', source: 'default', from: null});
	});

	it('a value that names no language says which flag or variable, and what it was', () => {
		expect(chooseLanguage('de', {})).toEqual({bad: '--lang', value: 'de'});
		expect(chooseLanguage(undefined, {M365_LICENSES_LANG: 'danish'})).toEqual({bad: 'M365_LICENSES_LANG', value: 'danish'});
	});

	it('--lang is read from the command line before it is parsed', () => {
		expect(langFlag(['licenses', '--lang', 'da'])).toBe('da');
		expect(langFlag(['--lang=en', 'users'])).toBe('en');
		expect(langFlag(['users'])).toBeUndefined();
		expect(langFlag(['--', '--lang', 'da'])).toBeUndefined();
	});
});
