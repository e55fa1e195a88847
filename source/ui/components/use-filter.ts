import {useState} from 'react';
import type {TextField} from '../input-router.js';

export interface Filter {
	query: string;
	editing: boolean;
	start: () => void;
	clear: () => void;
	/** The field to hand to the screen while editing: enter keeps the query, esc drops it. */
	field: TextField | undefined;
}

export function useFilter(): Filter {
	const [query, setQuery] = useState('');
	const [editing, setEditing] = useState(false);
	const clear = () => {
		setQuery('');
		setEditing(false);
	};
	return {
		query,
		editing,
		start: () => setEditing(true),
		clear,
		field: editing ? {value: query, onChange: setQuery, onSubmit: () => setEditing(false), onCancel: clear} : undefined,
	};
}
