// The consequences panel: before a confirmation, per user and summed, what goes and what stays.
// Given as single-row lines so the confirmation can scroll them with the rest.
import {Text} from './Text.js';
import type {ReactElement} from 'react';

import {consequenceKinds, sumConsequences, type UserConsequences} from '../../domain/consequences.js';
import {strings} from '../strings.js';
import type {Names} from './plan-lines.js';
import {wrapText} from './wrap-text.js';

function userSentence(user: UserConsequences, names: Names): string {
	const parts: string[] = [];
	for (const kind of consequenceKinds) {
		const keepers = user.kept[kind];
		if (keepers) parts.push(strings.consequences.keeps(strings.consequences.kind[kind], keepers.map(names.product).join(', ')));
	}
	if (user.lost.length > 0) {
		const lost = user.lost.map(kind =>
			kind === 'mailbox' && user.mailboxDeletedOn
				? `${strings.consequences.kind.mailbox} (${strings.consequences.deletedOn(user.mailboxDeletedOn)})`
				: strings.consequences.kind[kind],
		);
		parts.push(strings.consequences.loses(lost.join(', ')));
	} else {
		parts.push(strings.consequences.nothing);
	}
	const hold = user.hold ? ` [${strings.consequences.hold(user.hold)}]` : '';
	return `${user.displayName}${hold}: ${parts.join('; ')}`;
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
	const sums = sumConsequences(list);
	const summary = (['mailbox', 'onedrive', 'office-apps', 'teams', 'none'] as const)
		.filter(kind => sums[kind] > 0)
		.map(kind => strings.consequences.sum[kind](sums[kind]))
		.join(' · ');
	const lost = new Set(list.flatMap(user => user.lost));
	return {
		head: [
			{text: strings.consequences.title, bold: true},
			...wrap(summary, '  ').map(text => ({text, bold: true})),
			...list.flatMap(user => wrap(userSentence(user, names), '  ').map(text => ({text}))),
		],
		notes: [
			...consequenceKinds.filter(kind => lost.has(kind)).flatMap(kind => wrap(strings.consequences.explain[kind], '  ').map(text => ({text, dim: true}))),
			...(lost.size > 0 ? wrap(strings.consequences.source, '  ').map(text => ({text, dim: true})) : []),
		],
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
