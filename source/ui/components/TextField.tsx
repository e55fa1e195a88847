// A one-line text field (the / filter, the username typed to delete, the guide's search), with a
// shell's line keys (line-edit.ts). It takes its own keys while focused (the key table's 'text'
// context says so). What it types is made safe first: a pasted escape sequence or hidden character
// is dropped, not drawn.
import {useInput} from 'ink';
import {useState} from 'react';
import {withoutUnsafe} from '../../present/text-safety.js';
import type {TextField as Field} from '../input-router.js';
import {editLine} from './line-edit.js';
import {Text} from './Text.js';

export function TextField({field, focused}: {field: Pick<Field, 'value' | 'onChange' | 'onSubmit'>; focused: boolean}) {
	const [at, setAt] = useState(field.value.length);
	// The value can change from outside (cleared, or a character dropped as unsafe): the cursor stays in it.
	const cursor = Math.min(at, field.value.length);
	useInput(
		(input, key) => {
			if (key.return) return field.onSubmit();
			const next = editLine({value: field.value, cursor}, withoutUnsafe(input), key);
			if (!next) return;
			setAt(next.cursor);
			if (next.value !== field.value) field.onChange(next.value);
		},
		{isActive: focused},
	);
	if (!focused) return <Text>{field.value}</Text>;
	// The cursor as inverse video: the character under it, or a space at the end.
	return (
		<Text>
			{field.value.slice(0, cursor)}
			<Text inverse>{field.value[cursor] ?? ' '}</Text>
			{field.value.slice(cursor + 1)}
		</Text>
	);
}
