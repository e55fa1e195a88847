// A table row is one line: fixed columns keep their width, the flexible one takes the rest, text is
// cut with … and never runs into the next column, right-aligned text ends at its column's edge.
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {Row} from '../../source/ui/components/Row.js';

const line = (element: React.ReactElement) => {
	const {lastFrame, unmount} = render(element);
	const frame = lastFrame() ?? '';
	unmount();
	return frame;
};

describe('a table row', () => {
	it('lays its columns out at their widths', () => {
		const frame = line(
			<Row
				width={40}
				cells={[
					{text: '[x]', width: 4},
					{text: 'Isaiah Langer', width: 10},
					{text: 'isaiah@contoso.com', width: 12},
					{text: 'E3', align: 'right'},
				]}
			/>,
		);
		expect(frame).toBe(`[x] Isaiah L… isaiah@con… ${' '.repeat(12)}E3`);
		expect(stringWidth(frame)).toBe(40);
	});

	it('cuts the flexible column to what the fixed ones leave, wide characters counted', () => {
		expect(line(<Row width={12} cells={[{text: 'Name', width: 5}, {text: '数据数据数据'}]} />)).toBe('Name 数据数…');
		expect(line(<Row width={20} cells={[{text: 'Total', width: 8, align: 'right'}, {text: '1000', width: 8, align: 'right'}]} />)).toBe('   Total    1000');
	});

	it('shows escape sequences in tenant text instead of obeying them', () => {
		expect(line(<Row width={30} cells={[{text: 'Eve\u001B[2J', width: 12}, {text: 'x'}]} />)).not.toContain('\u001B[2J');
	});
});
