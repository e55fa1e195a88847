// Editing a one-line text field (the / filter) from keypresses, as a pure function.
import type {Key} from 'ink';

export type LineEdit = {type: 'change'; value: string} | {type: 'submit'} | {type: 'cancel'} | {type: 'none'};

export function editLine(value: string, input: string, key: Key): LineEdit {
	if (key.return) return {type: 'submit'};
	if (key.escape) return {type: 'cancel'};
	// Terminals send DEL (0x7f) for backspace, which Ink reports as either.
	if (key.backspace || key.delete) return {type: 'change', value: [...value].slice(0, -1).join('')};
	if (key.ctrl && input === 'u') return {type: 'change', value: ''};
	if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) {
		return {type: 'none'};
	}
	// A paste arrives as one string; control characters in it are dropped.
	const text = input.replace(/\p{Cc}/gu, '');
	return text ? {type: 'change', value: value + text} : {type: 'none'};
}
