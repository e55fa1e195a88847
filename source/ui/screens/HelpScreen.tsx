// The ? screen: every key, from the same table that drives input and the footer.
import {Box, Text} from 'ink';
import {ScreenFrame} from '../components/ScreenFrame.js';
import {contextTitles, keyTable, type KeyContext} from '../keys.js';
import {strings} from '../strings.js';

const order: KeyContext[][] = [
	['global', 'list'],
	['licenses', 'checklist', 'product', 'dialog'],
];

function Section({context}: {context: KeyContext}) {
	const bindings = keyTable.filter(binding => binding.context === context);
	if (bindings.length === 0) return null;
	return (
		<Box flexDirection="column" marginBottom={1}>
			<Text bold underline>
				{contextTitles[context]}
			</Text>
			{bindings.map(binding => (
				<Box key={binding.id}>
					<Box width={10}>
						<Text bold>{binding.keys}</Text>
					</Box>
					<Text wrap="truncate-end">{binding.label}</Text>
				</Box>
			))}
		</Box>
	);
}

export function HelpScreen({onClose}: {onClose: () => void}) {
	return (
		<ScreenFrame contexts={[]} handlers={{back: onClose, help: onClose}}>
			<Text bold>
				{strings.help.title} <Text dimColor>· {strings.help.close}</Text>
			</Text>
			<Box gap={4}>
				{order.map(column => (
					<Box key={column.join()} flexDirection="column" width={36}>
						{column.map(context => (
							<Section key={context} context={context} />
						))}
					</Box>
				))}
			</Box>
		</ScreenFrame>
	);
}
