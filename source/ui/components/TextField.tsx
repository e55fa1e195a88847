// A one-line text field (the / filter, the username typed to delete): ink-text-input, which takes
// its own keys while focused. What it types is made safe first: a pasted escape sequence or hidden
// character is dropped, not drawn.
import InkTextInput from 'ink-text-input';
import {withoutUnsafe} from '../../domain/text-safety.js';
import type {TextField as Field} from '../input-router.js';

export function TextField({field, focused}: {field: Pick<Field, 'value' | 'onChange' | 'onSubmit'>; focused: boolean}) {
	return <InkTextInput value={field.value} focus={focused} onChange={value => field.onChange(withoutUnsafe(value))} onSubmit={() => field.onSubmit()} />;
}
