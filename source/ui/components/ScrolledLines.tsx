// Lines in a window of `room` rows that ↓ and ↑ scroll, and a row below that says how many more
// there are: text that does not fit is never cut without a word.
import {strings} from '../../text/index.js';
import {Text} from './Text.js';
import type {Scroll} from './use-scroll.js';

/** `room` rows of lines and one row more: "… 3 more (↓ to scroll)" while lines are below. */
export function ScrolledLines({lines, scroll, room}: {lines: readonly string[]; scroll: Scroll; room: number}) {
	return (
		<>
			{lines.slice(scroll.offset, scroll.offset + room).map((line, i) => (
				<Text key={scroll.offset + i}>{line || ' '}</Text>
			))}
			<Text dimColor>{scroll.below > 0 ? strings.dialog.more(scroll.below) : ' '}</Text>
		</>
	);
}
