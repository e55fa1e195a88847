// The consequences panel: before a confirmation, per user and summed, what goes and what stays.
// Given as single-row lines so the confirmation can scroll them with the rest.
import {Text} from './Text.js';
import type {ReactElement} from 'react';

import type {UserConsequences} from '../../domain/consequences.js';
import {consequenceNotes, consequencePhrases, consequenceSummary, strings} from '../../text/index.js';
import type {Names} from './plan-lines.js';
import {wrapText} from './wrap-text.js';

function userSentence(user: UserConsequences, names: Names): string {
	const hold = user.hold ? ` [${strings.consequences.hold(user.hold)}]` : '';
	return `${user.displayName}${hold}: ${consequencePhrases(user, names.product).join('; ')}`;
}

export interface PanelRow {
	text: string;
	bold?: boolean;
	dim?: boolean;
}

/**
 * The panel's text in two parts: `head` (title, sums, a sentence per user) goes above the changes,
 * `notes` (what each kind lost means, and the source) below them. Lines are wrapped to `width`.
 */
export function consequenceRows(
	list: readonly UserConsequences[],
	names: Names,
	width: number,
): {head: PanelRow[]; notes: PanelRow[]} {
	if (list.length === 0) return {head: [], notes: []};
	const wrap = (text: string, indent: string) => wrapText(text, Math.max(20, width - indent.length), indent);
	return {
		head: [
			{text: strings.consequences.title, bold: true},
			...wrap(consequenceSummary(list), '  ').map(text => ({text, bold: true})),
			...list.flatMap(user => wrap(userSentence(user, names), '  ').map(text => ({text}))),
		],
		notes: consequenceNotes(list).flatMap(note => wrap(note, '  ').map(text => ({text, dim: true}))),
	};
}

/** The consequences panel as single-row lines, for a confirmation to scroll with the rest. */
export function consequencesPanelLines(
	list: readonly UserConsequences[],
	names: Names,
	width: number,
): {head: ReactElement[]; notes: ReactElement[]} {
	const {head, notes} = consequenceRows(list, names, width);
	const render = (prefix: string) => (row: PanelRow, i: number) => (
		<Text key={`${prefix}${i}`} bold={row.bold} dimColor={row.dim} wrap="truncate-end">
			{row.text}
		</Text>
	);
	return {head: head.map(render('h')), notes: notes.map(render('n'))};
}
