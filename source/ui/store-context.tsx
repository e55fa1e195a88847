import {createContext, useContext, useSyncExternalStore} from 'react';
import type {AppState, Store} from '../store/store.js';

export const StoreContext = createContext<Store | null>(null);

export function useStore(): Store {
	const store = useContext(StoreContext);
	if (!store) throw new Error('useStore outside <App>');
	return store;
}

export function useAppState(): AppState {
	const store = useStore();
	return useSyncExternalStore(store.subscribe, store.getState);
}
