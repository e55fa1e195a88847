import {useState} from 'react';

export interface Filter {
	query: string;
	editing: boolean;
	start: () => void;
	change: (query: string) => void;
	/** enter: keep the query, give the keys back to the list. */
	submit: () => void;
	/** esc: drop the query. */
	clear: () => void;
}

export function useFilter(): Filter {
	const [query, setQuery] = useState('');
	const [editing, setEditing] = useState(false);
	return {
		query,
		editing,
		start: () => setEditing(true),
		change: setQuery,
		submit: () => setEditing(false),
		clear: () => {
			setQuery('');
			setEditing(false);
		},
	};
}
