import {Box, useApp} from 'ink';
import {Text} from './components/Text.js';
import {useEffect, useReducer, useRef, useState} from 'react';
import {adminPermission} from '../domain/rules.js';
import {prepareUserSearch} from '../domain/user-search.js';
import type {Store} from '../store/store.js';
import {ChromeContext, type Chrome, type Handlers} from './chrome.js';
import {Header} from './components/Header.js';
import {SendingPanel} from './components/SendingPanel.js';
import {RouterContext, useInputRouter} from './input-router.js';
import {initialNavigation, navigate, type NavAction, type Tab} from './navigation.js';
import {ActiveUsersScreen} from './screens/ActiveUsersScreen.js';
import {GuideScreen} from './screens/GuideScreen.js';
import {HelpScreen} from './screens/HelpScreen.js';
import {LicensesScreen} from './screens/LicensesScreen.js';
import {ProductScreen} from './screens/ProductScreen.js';
import {ReclaimScreen} from './screens/ReclaimScreen.js';
import {createSending, SendingContext, useSendingState} from './sending.js';
import {StoreContext, useAppState, useStore} from './store-context.js';
import {strings} from './strings.js';
import {useTerminalSize} from './use-terminal-size.js';
import {useSignInPrompt, type OpeningMessages} from './SignInScreen.js';

/** Header (2 rows), status line and footer (2 rows), and the row Ink leaves free below. */
const chromeRows = 5;
/** The read-only banner wraps to two rows at 80 columns; a sign-in prompt (URL, code and why) to three. */
const bannerRows = 2;
const promptRows = 3;

function Screens({initialTab, signIn}: {initialTab: Tab; signIn?: OpeningMessages}) {
	const {exit} = useApp();
	const route = useInputRouter();
	const {tenant, admin, refreshing, lockedBy, recovered, notice} = useAppState();
	const store = useStore();
	const permission = adminPermission(tenant, admin);
	const size = useTerminalSize();
	const [nav, dispatch] = useReducer(navigate, {...initialNavigation, tab: initialTab});
	const [status, setStatus] = useState<string | null>(
		() => [recovered ? strings.recovered(recovered) : null, notice].filter(Boolean).join(' ') || (refreshing ? strings.refresh.cached : null),
	);
	// A cached copy shown first says so, and says when the tenant has been read again.
	const wasRefreshing = useRef(refreshing);
	// After the first frame, not before it: the / filter's first letter then finds its work done.
	useEffect(() => {
		const timer = setTimeout(() => prepareUserSearch(tenant.users), 0);
		return () => clearTimeout(timer);
	}, [tenant]);
	useEffect(() => {
		if (wasRefreshing.current && !refreshing) setStatus(strings.refresh.done);
		wasRefreshing.current = refreshing;
	}, [refreshing]);

	// A status line belongs to the screen it was said on: moving on clears it.
	const go = (action: NavAction) => () => {
		setStatus(null);
		dispatch(action);
	};
	const global: Handlers = {
		quit: exit,
		help: () => dispatch({type: 'toggleHelp'}),
		back: go({type: 'back'}),
		screenLicenses: go({type: 'tab', tab: 'licenses'}),
		screenUsers: go({type: 'tab', tab: 'users'}),
		screenGuide: go({type: 'tab', tab: 'guide'}),
		screenReclaim: go({type: 'tab', tab: 'reclaim'}),
		refresh: () => {
			if (refreshing) return;
			setStatus(strings.refresh.working);
			store.refresh().catch((error: Error) => setStatus(strings.refresh.failed(error.message)));
		},
	};
	// An action that needs a permission not granted yet waits for a sign-in: its prompt comes first.
	const prompt = useSignInPrompt(signIn);
	const readOnlyBanner = lockedBy
		? strings.readOnly.locked(lockedBy)
		: permission.allowed
			? null
			: strings.readOnly.banner(admin, permission.roles);
	const banner = prompt ?? readOnlyBanner;
	const rows = prompt ? promptRows : bannerRows;
	const base = {
		size,
		bodyRows: Math.max(3, size.rows - chromeRows - (banner ? rows : 0)),
		global,
		status,
		setStatus,
		readOnly: lockedBy ? strings.readOnly.lockedStatus : readOnlyBanner ? strings.readOnly.status : null,
	};
	const chrome = (active: boolean): Chrome => ({...base, active});
	// A change being sent covers the screen it was confirmed on until it is done.
	const sending = useSendingState(state => state.progress !== null);
	const top = nav.help ? 'help' : sending ? 'sending' : nav.tab !== 'licenses' ? nav.tab : nav.product ? 'product' : 'licenses';
	const layer = (name: typeof top) => ({display: top === name ? ('flex' as const) : ('none' as const)});
	// Reclaim looks at every user: worked out the first time it is opened, not at start-up.
	const reclaimOpened = useRef(false);
	if (nav.tab === 'reclaim') reclaimOpened.current = true;

	return (
		<RouterContext.Provider value={route}>
			<Box flexDirection="column" width={size.columns}>
				<Header
					organization={tenant.organization.displayName}
					signedInAs={admin}
					readOnly={readOnlyBanner !== null}
					tab={nav.tab}
					width={size.columns}
				/>
				{banner ? (
					<Box height={rows}>
						<Text wrap="wrap">{banner}</Text>
					</Box>
				) : null}
				{/* Screens below the top one stay mounted, so their cursor, ticks and filter survive. */}
				<ChromeContext.Provider value={chrome(top === 'licenses')}>
					<Box {...layer('licenses')} flexDirection="column">
						<LicensesScreen onOpen={skuId => go({type: 'openProduct', skuId})()} />
					</Box>
				</ChromeContext.Provider>
				{nav.product ? (
					<ChromeContext.Provider value={chrome(top === 'product')}>
						<Box {...layer('product')} flexDirection="column">
							<ProductScreen key={nav.product} skuId={nav.product} />
						</Box>
					</ChromeContext.Provider>
				) : null}
				<ChromeContext.Provider value={chrome(top === 'users')}>
					<Box {...layer('users')} flexDirection="column">
						<ActiveUsersScreen />
					</Box>
				</ChromeContext.Provider>
				<ChromeContext.Provider value={chrome(top === 'guide')}>
					<Box {...layer('guide')} flexDirection="column">
						<GuideScreen />
					</Box>
				</ChromeContext.Provider>
				{reclaimOpened.current ? (
					<ChromeContext.Provider value={chrome(top === 'reclaim')}>
						<Box {...layer('reclaim')} flexDirection="column">
							<ReclaimScreen />
						</Box>
					</ChromeContext.Provider>
				) : null}
				{top === 'sending' ? (
					<ChromeContext.Provider value={chrome(true)}>
						<SendingPanel />
					</ChromeContext.Provider>
				) : null}
				{nav.help ? (
					<ChromeContext.Provider value={chrome(true)}>
						<HelpScreen onClose={() => dispatch({type: 'toggleHelp'})} />
					</ChromeContext.Provider>
				) : null}
			</Box>
		</RouterContext.Provider>
	);
}

/** `signIn`: where a live tenant's sign-in prompts are said, for one asked for while the app runs. */
export function App({store, initialTab = 'licenses', signIn}: {store: Store; initialTab?: Tab; signIn?: OpeningMessages}) {
	const [sending] = useState(createSending);
	return (
		<StoreContext.Provider value={store}>
			<SendingContext.Provider value={sending}>
				<Screens initialTab={initialTab} signIn={signIn} />
			</SendingContext.Provider>
		</StoreContext.Provider>
	);
}
