// A single-choice list keeps its highlight when the screen around it is drawn again: enter takes the
// choice the admin moved to, never the first one (ink-select-input starts over when its items'
// values change, and a screen makes its choices anew at every draw).
import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {useMemo} from 'react';
import {describe, expect, it} from 'vitest';
import {ChoiceList} from '../../source/ui/components/ChoiceList.js';
import {createKeyRouter, RouterContext, useKeyInput, useRoute} from '../../source/ui/input-router.js';
import {keys, waitForFrame} from '../helpers/ink.js';

interface Plan {
	name: string;
	/** A value made anew at every draw, as screens make theirs. */
	act: () => string;
}

function Choices({round, onChoose}: {round: number; onChoose: (plan: Plan) => void}) {
	const router = useMemo(() => createKeyRouter(), []);
	return (
		<RouterContext.Provider value={router}>
			<Keys router={router} round={round} onChoose={onChoose} />
		</RouterContext.Provider>
	);
}

function Keys({router, round, onChoose}: {router: ReturnType<typeof createKeyRouter>; round: number; onChoose: (plan: Plan) => void}) {
	useKeyInput(router);
	useRoute({contexts: ['choice', 'global'], handlers: {}}, true);
	const plans: Plan[] = ['Replace', 'Unassign all', 'Add'].map(name => ({name, act: () => name}));
	return (
		<>
			<Text>draw {round}</Text>
			<ChoiceList choices={plans.map(plan => ({key: plan.name, label: plan.name, value: plan}))} focused onChoose={onChoose} />
		</>
	);
}

describe('a choice list', () => {
	it('keeps the choice moved to when the screen is drawn again before enter', async () => {
		let chosen: Plan | null = null;
		const choose = (plan: Plan) => (chosen = plan);
		const app = render(<Choices round={1} onChoose={choose} />);
		await waitForFrame(app.lastFrame, frame => frame.includes('› Replace'), 'the list');
		app.stdin.write(keys.down);
		await waitForFrame(app.lastFrame, frame => frame.includes('› Unassign all'), 'the second choice');
		app.rerender(<Choices round={2} onChoose={choose} />);
		await waitForFrame(app.lastFrame, frame => frame.includes('draw 2'), 'the screen drawn again');
		app.stdin.write(keys.enter);
		await waitForFrame(
			() => chosen?.name ?? '',
			name => name !== '',
			'a choice',
		);
		expect(chosen!.act()).toBe('Unassign all');
		app.unmount();
	});
});
