// A one-line text field (the / filter, the username typed to delete): ink-text-input, which takes
// its own keys while focused. What it types is made safe first: a pasted escape sequence or hidden
// character is dropped, not drawn.
import InkTextInput from 'ink-text-input';
import {useState} from 'react';
import {withoutUnsafe} from '../../domain/text-safety.js';
import {useKeyOwner, type TextField as Field} from '../input-router.js';

export function TextField({field, focused}: {field: Pick<Field, 'value' | 'onChange' | 'onSubmit'>; focused: boolean}) {
	// Mounted again after it was handed keys that came together, which it would have taken as one.
	const [generation, setGeneration] = useState(0);
	const router = useKeyOwner('text', focused, generation);
	return (
		<InkTextInput
			key={generation}
			value={field.value}
			focus={focused}
			onChange={value => {
				if (router.delivering()) field.onChange(withoutUnsafe(value));
				else setGeneration(g => g + 1);
			}}
			onSubmit={() => {
				if (router.delivering()) field.onSubmit();
			}}
		/>
	);
}
