import {memo} from 'react';
import {Text} from './Text.js';
import {textWidth, truncateEnd} from '../../present/wrap.js';
import {terminalText} from '../../present/text-safety.js';
import {extended} from '../../domain/extended.js';

/** One column of a table row. */
export interface RowCell {
	text: string;
	/** Fixed width; without it the cell takes the room the fixed ones leave. */
	width?: number;
	align?: 'left' | 'right';
	bold?: boolean;
	dim?: boolean;
	inverse?: boolean;
}

/** A cell's text cut to fit its column, and the blank that fills the rest of it. */
function fitted(cell: RowCell, room: number): {text: string; pad: string; before: boolean} {
	// A fixed left column ends in a space, so a cut-off value never runs into the next one.
	const gap = cell.width !== undefined && cell.align !== 'right' ? 1 : 0;
	const text = truncateEnd(terminalText(cell.text), Math.max(0, room - gap));
	const pad = ' '.repeat(Math.max(0, room - textWidth(text)));
	return {text, pad, before: cell.align === 'right'};
}

interface RowProps {
	cells: readonly RowCell[];
	width: number;
}

/** Two rows that would draw the same: their cells hold the same values (the cells are made anew at every draw). */
function sameRow(a: RowProps, b: RowProps): boolean {
	if (a.width !== b.width || a.cells.length !== b.cells.length) return false;
	for (let i = 0; i < a.cells.length; i++) {
		const [x, y] = [a.cells[i]!, b.cells[i]!];
		if (x.text !== y.text || x.width !== y.width || x.align !== y.align || x.bold !== y.bold || x.dim !== y.dim || x.inverse !== y.inverse) return false;
	}
	return true;
}

/** A run of the row's text in one style. */
interface Piece {
	text: string;
	bold?: boolean;
	dim?: boolean;
	inverse?: boolean;
}

const sameStyle = (a: Piece, b: Piece) => Boolean(a.bold) === Boolean(b.bold) && Boolean(a.dim) === Boolean(b.dim) && Boolean(a.inverse) === Boolean(b.inverse);
const plain = (piece: Piece) => !piece.bold && !piece.dim && !piece.inverse;

/**
 * The row's text as few runs of one style as draw the same: Ink turns each styled run into escapes
 * and reads them back at every frame, for every row on screen. Blanks take the style of the run they
 * follow or lead into, since bold or dim blanks look as plain ones do (inverse ones do not).
 */
export function rowPieces(cells: readonly RowCell[], width: number): Piece[] {
	const fixed = cells.reduce((sum, cell) => sum + (cell.width ?? 0), 0);
	const flexible = cells.filter(cell => cell.width === undefined).length;
	const share = flexible > 0 ? Math.max(0, Math.floor((width - fixed) / flexible)) : 0;
	const pieces: Piece[] = [];
	const add = (piece: Piece) => {
		if (piece.text === '') return;
		const last = pieces.at(-1);
		// A blank joins a run that is not inverse, and is not inverse itself.
		const blank = (p: Piece) => !p.inverse && p.text.trim() === '';
		if (last && (sameStyle(last, piece) || (blank(piece) && !last.inverse))) last.text += piece.text;
		else if (last && blank(last) && !piece.inverse) pieces[pieces.length - 1] = extended(piece, {text: last.text + piece.text});
		else pieces.push({...piece});
	};
	cells.forEach((cell, i) => {
		const {text, pad, before} = fitted(cell, cell.width ?? share);
		if (before) add({text: pad});
		add({text, bold: cell.bold, dim: cell.dim, inverse: cell.inverse});
		if (!before && i < cells.length - 1) add({text: pad});
	});
	return pieces;
}

/**
 * A table row as one line of text: columns are cut with … rather than wrapped, and fixed ones never
 * shrink. One text node per row (not a box per column) keeps a 100,000-user list quick to redraw,
 * a row of one style is one string, and a row that draws as before is not drawn again (a move
 * changes two rows of the screen).
 */
export const Row = memo(function Row({cells, width}: RowProps) {
	const pieces = rowPieces(cells, width);
	const [only] = pieces;
	if (pieces.length === 1 && only) {
		return (
			<Text wrap="truncate-end" bold={only.bold} dimColor={only.dim} inverse={only.inverse}>
				{only.text}
			</Text>
		);
	}
	return (
		<Text wrap="truncate-end">
			{pieces.map((piece, i) =>
				plain(piece) ? (
					piece.text
				) : (
					<Text key={i} bold={piece.bold} dimColor={piece.dim} inverse={piece.inverse}>
						{piece.text}
					</Text>
				),
			)}
		</Text>
	);
}, sameRow);

/** A user's display name (marked under the cursor) and username: the columns every list of users starts with. */
export const userCells = (user: {displayName: string; userPrincipalName: string}, selected: boolean, nameWidth?: number, upnWidth?: number): RowCell[] => [
	{text: user.displayName, width: nameWidth, inverse: selected},
	{text: user.userPrincipalName, width: upnWidth, dim: true},
];
