import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {editLine, type LineState} from '../../source/ui/components/line-edit.js';

const none: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};
const ctrl = (input: string) => ({input, key: {...none, ctrl: true}});
const alt = (input: string) => ({input, key: {...none, meta: true}});
const line = (text: string): LineState => {
	const cursor = text.indexOf('|');
	return {value: text.replace('|', ''), cursor};
};
const shown = (state: LineState | null) => (state ? `${state.value.slice(0, state.cursor)}|${state.value.slice(state.cursor)}` : null);
const press = (text: string, {input, key}: {input: string; key: Key}) => shown(editLine(line(text), input, key));

describe("a text field's line keys, as in a shell", () => {
	it('Ctrl-A and Ctrl-E go to the start and the end; Ctrl-B and Ctrl-F a character', () => {
		expect(press('megan bo|wen', ctrl('a'))).toBe('|megan bowen');
		expect(press('megan bo|wen', ctrl('e'))).toBe('megan bowen|');
		expect(press('megan bo|wen', ctrl('b'))).toBe('megan b|owen');
		expect(press('megan bo|wen', ctrl('f'))).toBe('megan bow|en');
		expect(press('|megan', ctrl('b'))).toBe('|megan');
	});

	it('Ctrl-U and Ctrl-K delete to the start and to the end; Ctrl-W the word before the cursor', () => {
		expect(press('megan bo|wen', ctrl('u'))).toBe('|wen');
		expect(press('megan bo|wen', ctrl('k'))).toBe('megan bo|');
		expect(press('megan bowen|', ctrl('w'))).toBe('megan |');
		expect(press('megan bowen  |', ctrl('w'))).toBe('megan |');
		expect(press('megan |bowen', ctrl('w'))).toBe('|bowen');
	});

	it('Alt-B and Alt-F move a word of letters and digits (a username is several); Ctrl-W deletes back to a space', () => {
		expect(press('|aiko.tanak@contoso.com', alt('f'))).toBe('aiko|.tanak@contoso.com');
		expect(press('aiko.tanak@contoso.com|', alt('b'))).toBe('aiko.tanak@contoso.|com');
		expect(press('x aiko.tanak@contoso.com|', ctrl('w'))).toBe('x |');
		expect(press('megan bowen|', alt('b'))).toBe('megan |bowen');
		expect(press('megan |bowen', alt('b'))).toBe('|megan bowen');
		expect(press('|megan bowen', alt('f'))).toBe('megan| bowen');
		expect(press('megan| bowen', alt('f'))).toBe('megan bowen|');
	});

	it('types at the cursor, backspace deletes before it; a control key it does not know types nothing', () => {
		expect(press('meg|n', {input: 'a', key: none})).toBe('mega|n');
		expect(press('mega|n', {input: '', key: {...none, backspace: true}})).toBe('meg|n');
		expect(press('megan|', ctrl('x'))).toBeNull();
		expect(press('megan|', alt('x'))).toBeNull();
		expect(press('megan|', {input: '', key: {...none, return: true}})).toBeNull();
	});
});
