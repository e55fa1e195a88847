// The one store: the tenant as the app shows it, and the outcome of the last change.
// Screens read it through selectors and change it only through these intents.
import {produce} from 'immer';
import type {TenantBackend} from '../backends/backend.js';
import {applyChanges, changesFromOutcomes} from '../domain/changes.js';
import type {Tenant} from '../domain/model.js';
import type {LicensePlan, UserOutcome} from '../domain/plan.js';
import type {StateFile} from './state-file.js';

export interface AppState {
	tenant: Tenant;
	/** True while a change is being carried out and saved. */
	busy: boolean;
}

export interface Store {
	getState(): AppState;
	subscribe(listener: () => void): () => void;
	/**
	 * Assigns and unassigns as the plan says (every screen's changes go through here). Resolves after
	 * the outcome is saved, so whoever reports it reports what is on disk.
	 */
	apply(plan: LicensePlan): Promise<UserOutcome[]>;
}

export interface StoreOptions {
	backend: TenantBackend;
	stateFile: StateFile;
	/** Discard the changes saved for this tenant (--reset). */
	reset?: boolean;
	now?: () => Date;
}

/** Loads the tenant from its source and replays the changes saved for it. */
export async function openStore({backend, stateFile, reset = false, now = () => new Date()}: StoreOptions): Promise<Store> {
	const source = await backend.load();
	const tenantId = source.organization.id;
	if (reset) stateFile.reset(tenantId);
	let state: AppState = {tenant: produce(source, draft => applyChanges(draft, stateFile.changes(tenantId))), busy: false};
	const listeners = new Set<() => void>();
	const set = (next: AppState) => {
		state = next;
		for (const listener of listeners) listener();
	};

	return {
		getState: () => state,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		async apply(plan) {
			set({...state, busy: true});
			try {
				const outcomes = await backend.apply(state.tenant, plan);
				const changes = changesFromOutcomes(outcomes, now().toISOString());
				stateFile.append(tenantId, changes);
				set({tenant: produce(state.tenant, draft => applyChanges(draft, changes)), busy: false});
				return outcomes;
			} catch (error) {
				set({...state, busy: false});
				throw error;
			}
		},
	};
}
