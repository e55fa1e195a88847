import {Box} from 'ink';
import {Text} from './Text.js';
import {bindingsFor, keysText, labelOf, sharesKey, type ActionId, type Binding, type KeyContext} from '../keys.js';

interface Props {
	contexts: readonly KeyContext[];
	/** Actions the screen handles now; the table's other keys for these contexts are not shown. */
	handled: ReadonlySet<ActionId>;
	/** Actions shown but not available now (dimmed; the reason is given when pressed). */
	disabled?: ReadonlySet<ActionId>;
	width: number;
}

/** The keys valid here, from the key table, cut to one line. */
export function Footer({contexts, handled, disabled, width}: Props) {
	const live = bindingsFor(contexts).filter(binding => binding.footer && handled.has(binding.id));
	// A key taken by a more specific context (esc as Cancel in a dialog) is not shown again as Back.
	const items = live.filter((binding, i) => !live.slice(0, i).some(earlier => sharesKey(earlier, binding)));
	// ? Help always shows (it lists what the footer has no room for); the rest in order while they fit.
	const help = items.find(item => item.id === 'help');
	const size = (item: Binding) => keysText(item).length + labelOf(item).length + 3;
	const shown: Binding[] = [];
	let used = help ? size(help) : 0;
	for (const item of items) {
		if (item === help) continue;
		if (used + size(item) > width) break;
		shown.push(item);
		used += size(item);
	}
	if (help) shown.push(help);
	return (
		<Box height={1} overflow="hidden">
			{shown.map(item => {
				const off = disabled?.has(item.id) ?? false;
				return (
					<Text key={item.id} dimColor={off}>
						<Text bold={!off}>{keysText(item)}</Text> {labelOf(item)}
						{'  '}
					</Text>
				);
			})}
		</Box>
	);
}
