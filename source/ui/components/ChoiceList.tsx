// A single-choice list (the guide's product step, Manage product licenses): ink-select-input, which
// takes its own keys while focused (↑/↓, j/k, enter). It also chooses by number, but here 1 to 4
// change screens: a choice is taken on enter only. Labels are made safe before ink-select-input draws
// them with Ink's Text.
import SelectInput from 'ink-select-input';
import {Box} from 'ink';
import {terminalText} from '../../domain/text-safety.js';
import {useKeyRouter} from '../input-router.js';
import {Text} from './Text.js';

export interface Choice<T> {
	key: string;
	label: string;
	value: T;
}

function Indicator({isSelected = false}: {isSelected?: boolean}) {
	return (
		<Box flexShrink={0} width={2}>
			<Text bold={isSelected}>{isSelected ? '›' : ' '}</Text>
		</Box>
	);
}

function Item({label, isSelected = false}: {label: string; isSelected?: boolean}) {
	// Inverse video marks the highlighted choice without colour. A row of a list: cut, not wrapped,
	// so the list keeps its height (what is cut is said in full when the choice is refused).
	return (
		<Text inverse={isSelected} wrap="truncate-end">
			{label}
		</Text>
	);
}

interface Props<T> {
	choices: ReadonlyArray<Choice<T>>;
	focused: boolean;
	onChoose: (value: T) => void;
	onHighlight?: (value: T) => void;
	/** At most this many rows; the list turns past its ends. */
	limit?: number;
	initial?: number;
}

export function ChoiceList<T>({choices, focused, onChoose, onHighlight, limit, initial = 0}: Props<T>) {
	const router = useKeyRouter();
	// ink-select-input goes back to the first choice whenever its items' values differ from the
	// last render's: values made anew at each render (objects, functions) would move the highlight
	// at any redraw of the screen, between a move and enter. It is given each choice's key instead.
	const byKey = new Map(choices.map(choice => [choice.key, choice.value]));
	return (
		<Box flexDirection="column">
			<SelectInput
				items={choices.map(choice => ({key: choice.key, label: terminalText(choice.label), value: choice.key}))}
				isFocused={focused}
				limit={limit}
				initialIndex={initial}
				indicatorComponent={Indicator}
				itemComponent={Item}
				onSelect={item => {
					// The router hears each key first: it knows the key that chose.
					if (router.lastKey()?.return) onChoose(byKey.get(item.value) as T);
				}}
				onHighlight={item => onHighlight?.(byKey.get(item.value) as T)}
			/>
		</Box>
	);
}
