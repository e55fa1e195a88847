// A table row is one line: fixed columns keep their width, the flexible one takes the rest, text is
// cut with … and never runs into the next column, right-aligned text ends at its column's edge.
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {Row, rowPieces} from '../../source/ui/components/Row.js';

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
		expect(
			line(
				<Row
					width={20}
					cells={[
						{text: 'Total', width: 8, align: 'right'},
						{text: '1000', width: 8, align: 'right'},
					]}
				/>,
			),
		).toBe('   Total    1000');
	});

	it('shows escape sequences in tenant text instead of obeying them', () => {
		expect(line(<Row width={30} cells={[{text: 'Eve\u001B[2J', width: 12}, {text: 'x'}]} />)).not.toContain('\u001B[2J');
	});
});

describe('a row drawn in few runs of one style', () => {
	const userRow = (selected: boolean) => [
		{text: '[ ]', width: 4},
		{text: 'Isaiah Langer', width: 16, inverse: selected},
		{text: 'isaiah@contoso.com', width: 22, dim: true},
		{text: 'E3, Visio'},
	];

	it('joins the blanks to the run beside them: a user row is plain, dim, plain', () => {
		expect(rowPieces(userRow(false), 60)).toEqual([
			{text: '[ ] Isaiah Langer   ', bold: undefined, dim: undefined, inverse: undefined},
			{text: 'isaiah@contoso.com    ', bold: undefined, dim: true, inverse: undefined},
			{text: 'E3, Visio', bold: undefined, dim: undefined, inverse: undefined},
		]);
	});

	it('never makes a blank inverse, nor an inverse cell wider: the cursor row marks the name alone', () => {
		const pieces = rowPieces(userRow(true), 60);
		expect(pieces.filter(piece => piece.inverse).map(piece => piece.text)).toEqual(['Isaiah Langer']);
		expect(pieces.map(piece => piece.text).join('')).toBe(
			rowPieces(userRow(false), 60)
				.map(piece => piece.text)
				.join(''),
		);
	});

	it('a row of one style is one run, drawn as one string', () => {
		expect(
			rowPieces(
				[
					{text: 'Total', width: 8, align: 'right'},
					{text: '1000', width: 8, align: 'right'},
				],
				20,
			),
		).toEqual([{text: '   Total    1000', bold: undefined, dim: undefined, inverse: undefined}]);
		expect(
			line(
				<Row
					width={20}
					cells={[
						{text: 'Total', width: 8, bold: true},
						{text: 'Users', bold: true},
					]}
				/>,
			),
		).toBe('Total   Users');
	});
});
