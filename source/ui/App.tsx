import {Box, useApp} from 'ink';
import {Text} from './components/Text.js';
import {useEffect, useReducer, useRef, useState, type ReactNode} from 'react';
import {appView, initialAppView, topLayer, type Layer} from './app-state.js';
import {defaultInactiveDays, findReclaim} from '../domain/reclaim.js';
import {adminPermission} from '../domain/rules.js';
import {indexTenant, namesOf} from '../domain/selectors.js';
import {prepareConfirmations} from './components/plan-lines.js';
import {inTurns} from './in-turns.js';
import type {Store} from '../store/store.js';
import {ChromeContext, type Chrome, type Handlers} from './chrome.js';
import {Header} from './components/Header.js';
import {Paragraph} from './components/Paragraph.js';
import {SendingPanel} from './components/SendingPanel.js';
import {createKeyRouter, RouterContext, useKeyInput, useRoute, type KeyRouter} from './input-router.js';
import type {KeyFeed} from './key-feed.js';
import {KeyPacing} from './key-pacing.js';
import {canGoBack, type NavAction, type Tab} from './navigation.js';
import {ActiveUsersScreen} from './screens/ActiveUsersScreen.js';
import {GuideScreen} from './screens/GuideScreen.js';
import {HelpScreen} from './screens/HelpScreen.js';
import {LicensesScreen} from './screens/LicensesScreen.js';
import {ProductScreen} from './screens/ProductScreen.js';
import {ReclaimScreen} from './screens/ReclaimScreen.js';
import {createSending, SendingContext, useSending, useSendingState, type Sending} from './sending.js';
import {useInterrupt, type Interrupts} from './interrupt.js';
import {clockOf} from '../domain/dates.js';
import {StoreContext, useAppState, useStore} from './store-context.js';
import {asStatus, strings} from '../text/index.js';
import {useSignInPrompt, type OpeningMessages} from './SignInScreen.js';
import {useTerminalSize} from './use-terminal-size.js';
import {wrapText} from './components/wrap-text.js';

/** Header (2 rows), status line and footer (2 rows), and the row Ink leaves free below. */
const chromeRows = 5;
/** A sign-in prompt (URL, code and why) wraps to three rows. */
const promptRows = 3;

/** The router's own listener: a leaf rendered before the screens, so Ink hears it first. */
function KeyInput({router}: {router: ReturnType<typeof createKeyRouter>}) {
	useKeyInput(router);
	return null;
}

/** Below this size the screens cannot show what they must: they wait, hidden, for a resize. */
export const minimumSize = {columns: 60, rows: 16} as const;

function TooSmall({size, quit}: {size: {columns: number; rows: number}; quit: () => void}) {
	useRoute({contexts: ['global'], handlers: {quit}}, true);
	return <Paragraph text={strings.tooSmall(minimumSize, size)} width={size.columns - 1} />;
}

interface ScreensProps {
	initialTab: Tab;
	/** With tenants added: the open one's name (the header marks it), and 0 or t goes to the Tenants screen. */
	tenants?: {current: string | null; open: () => void};
	router: ReturnType<typeof createKeyRouter>;
	graphBase: string;
	signIn?: OpeningMessages;
	interrupts?: Interrupts;
	leaveNow: () => void;
}

/** While a sign-in code is shown above the screen: esc (or q) drops it, and the action waiting for it. */
function PromptKeys({cancel}: {cancel: () => void}) {
	useRoute({contexts: ['signIn'], handlers: {cancelSignIn: cancel}}, true);
	return null;
}

/** What the status line says once the tenant has been read again, or could not be. */
function afterRefresh(refreshError: string | null, copyReadAt: string | null): string {
	if (refreshError === null) return strings.refresh.done;
	return copyReadAt ? strings.refresh.copyFailed(clockOf(copyReadAt), refreshError) : strings.refresh.failed(refreshError);
}

/** The screens' reducer, with the status line said and cleared as keys come (app-state.ts). */
function useAppView(initialTab: Tab, router: KeyRouter) {
	const store = useStore();
	const {refreshing, copyReadAt, refreshError, recovered, notice} = useAppState();
	const [view, dispatch] = useReducer(appView, undefined, () =>
		initialAppView(
			initialTab,
			[recovered ? strings.recovered(recovered) : null, notice].filter(Boolean).join(' ') || (refreshing ? strings.refresh.cached : null),
		),
	);
	const setStatus = (text: string | null) => dispatch({type: 'say', text: text === null ? null : asStatus(text), key: router.keysTaken()});
	// A cached copy shown first says so, and says when the tenant has been read again, or why not.
	const wasRefreshing = useRef(refreshing);
	useEffect(() => {
		if (wasRefreshing.current && !refreshing) setStatus(afterRefresh(refreshError, copyReadAt));
		wasRefreshing.current = refreshing;
		// eslint-disable-next-line react-hooks/exhaustive-deps -- said once, when a re-read ends; the words are read as they are then
	}, [refreshing]);
	return {
		view,
		dispatch,
		setStatus,
		store,
		go: (action: NavAction) => () => dispatch({type: 'go', action, key: router.keysTaken()}),
		screenShown: (screen: string) => dispatch({type: 'shown', screen, key: router.keysTaken()}),
	};
}

/**
 * What looks at every user (Reclaim's candidates, a product's holders for the guide and a product's
 * page, the look-ups a confirmation makes) is done a moment after the first frame (once the terminal
 * has drawn it), while no one looks, so that opening them finds it ready; then Reclaim's screen is made, hidden.
 */
function useWorkAhead(makeReclaim: () => void) {
	const {tenant} = useAppState();
	useEffect(
		() =>
			inTurns(
				[
					() => void findReclaim(tenant, {now: new Date(), inactiveDays: defaultInactiveDays}),
					() => void indexTenant(tenant).holders,
					() => prepareConfirmations(tenant, namesOf(tenant)),
					makeReclaim,
				],
				300,
			),
		// eslint-disable-next-line react-hooks/exhaustive-deps -- once per tenant value: the work is for the tenant shown
		[tenant],
	);
}

/** The keys every screen shares: quit, help, back, the tabs, and reading the tenant again. */
function globalKeys(
	{view, dispatch, go, setStatus, store}: ReturnType<typeof useAppView>,
	router: KeyRouter,
	exit: () => void,
	tenants?: () => void,
): Handlers {
	return {
		quit: exit,
		screenTenants: tenants,
		// Help lists the keys of the screen it is opened on first.
		help: () => dispatch({type: 'toggleHelp', from: router.route.current}),
		// Offered only where there is somewhere to go back to.
		back: canGoBack(view.nav) ? go({type: 'back'}) : undefined,
		screenLicenses: go({type: 'tab', tab: 'licenses'}),
		screenUsers: go({type: 'tab', tab: 'users'}),
		screenGuide: go({type: 'tab', tab: 'guide'}),
		screenReclaim: go({type: 'tab', tab: 'reclaim'}),
		refresh: () => {
			if (store.getState().refreshing) return;
			setStatus(strings.refresh.working);
			// Said when it ends (see useAppView): refresh keeps a failure in the state, never rejects.
			void store.refresh();
		},
	};
}

function Screens({initialTab, tenants, router, graphBase, signIn, interrupts, leaveNow}: ScreensProps) {
	const {exit} = useApp();
	const {tenant, admin, copyReadAt} = useAppState();
	const store = useStore();
	const sending = useSending();
	const size = useTerminalSize();
	const appView = useAppView(initialTab, router);
	const {view, dispatch, setStatus, go, screenShown} = appView;
	const {nav, status} = view;
	// The Tenants screen is outside this app: it is left, and the next tenant opened anew.
	const global = globalKeys(appView, router, exit, tenants ? () => (tenants.open(), exit()) : undefined);
	// An action that needs a permission not granted yet waits for a sign-in: its prompt comes first.
	const prompt = useSignInPrompt(signIn);
	router.always.current = {
		interrupt: useInterrupt({
			store,
			sending,
			exit,
			leaveNow,
			dropSignIn: () => prompt?.cancel?.(),
			say: setStatus,
			stoppingText: strings.dialog.stoppingToQuit,
			interrupts,
		}),
	};
	const permission = adminPermission(tenant, admin);
	const readOnlyBanner = permission.allowed ? null : strings.readOnly.banner(admin, permission.roles);
	const banner = prompt?.text ?? readOnlyBanner;
	// The read-only banner takes the lines it wraps to (a longer language, a narrow terminal): the screen gives them up.
	const bannerLines = !prompt && banner ? wrapText(banner, size.columns - 1) : [];
	const rows = prompt ? promptRows : bannerLines.length;
	const statusLines = status.text ? wrapText(status.text, Math.max(20, size.columns - 1)).slice(0, 3) : [''];
	const base = {
		size,
		// A status that does not fit a line wraps (up to three), and the screen gives it the rows.
		bodyRows: Math.max(3, size.rows - chromeRows - (banner ? rows : 0) - (statusLines.length - 1)),
		statusLines,
		global,
		status: status.text,
		setStatus,
		screenShown,
		graphBase,
		severalTenants: tenants !== undefined,
		readOnly: readOnlyBanner ? strings.readOnly.status : null,
	};
	const chrome = (active: boolean): Chrome => ({...base, active});
	// A change being sent covers the screen it was confirmed on until it is done.
	const sendingNow = useSendingState(state => state.progress !== null);
	const tooSmall = size.columns < minimumSize.columns || size.rows < minimumSize.rows;
	const top = topLayer(nav, {tooSmall, sending: sendingNow});
	useWorkAhead(() => dispatch({type: 'make', tab: 'reclaim'}));
	/** A screen in its layer: shown when it is the top one, else kept mounted and hidden. */
	const layer = (name: Layer, screen: ReactNode) => (
		<ChromeContext.Provider value={chrome(top === name)}>
			<Box display={top === name ? 'flex' : 'none'} flexDirection="column">
				{screen}
			</Box>
		</ChromeContext.Provider>
	);

	return (
		<Box flexDirection="column" width={size.columns}>
			{tooSmall ? (
				<TooSmall size={size} quit={exit} />
			) : (
				<Header
					organization={tenant.organization.displayName}
					tenantName={tenants?.current ?? null}
					signedInAs={admin}
					readOnly={readOnlyBanner !== null}
					copyOf={copyReadAt ? clockOf(copyReadAt) : null}
					tab={nav.tab}
					width={size.columns}
				/>
			)}
			{banner && !tooSmall ? (
				<Box height={rows} flexDirection="column">
					{prompt ? <Paragraph text={banner} width={size.columns - 1} /> : bannerLines.map((line, i) => <Text key={i}>{line}</Text>)}
				</Box>
			) : null}
			{/* Screens below the top one stay mounted, so their cursor, ticks and filter survive (a resize too). */}
			{layer('licenses', <LicensesScreen onOpen={skuId => go({type: 'openProduct', skuId})()} />)}
			{nav.product ? layer('product', <ProductScreen key={nav.product} skuId={nav.product} />) : null}
			{/* Mounted hidden from the start: it sorts and indexes the users after the first frame (see there). */}
			{layer('users', <ActiveUsersScreen />)}
			{view.made.has('guide') ? layer('guide', <GuideScreen />) : null}
			{view.made.has('reclaim') ? layer('reclaim', <ReclaimScreen />) : null}
			{top === 'sending' ? (
				<ChromeContext.Provider value={chrome(true)}>
					<SendingPanel />
				</ChromeContext.Provider>
			) : null}
			{nav.help && !tooSmall ? (
				<ChromeContext.Provider value={chrome(true)}>
					<HelpScreen current={view.helpFor} onClose={() => dispatch({type: 'toggleHelp'})} />
				</ChromeContext.Provider>
			) : null}
			{/* Last, so its keys are the live ones while the code is shown. */}
			{prompt?.cancel ? <PromptKeys cancel={prompt.cancel} /> : null}
		</Box>
	);
}

interface AppProps {
	store: Store;
	/** The keys, one at a time: Ink is rendered with `feed.stdin` as its stdin. */
	feed: KeyFeed;
	initialTab?: Tab;
	/** Microsoft Graph's address (the cloud's, or --graph-endpoint), for the equivalent commands. */
	graphBase?: string;
	/** Where a live tenant's sign-in prompts are said, for one asked for while the app runs. */
	signIn?: OpeningMessages;
	/** The change being sent, given to read what was stopped once the app has left. */
	sending?: Sending;
	/** The process's signals (SIGINT, SIGTERM, SIGHUP): each a stop, as Ctrl-C is. */
	interrupts?: Interrupts;
	/** A second stop while a change is sent: leave now (the next start settles the change). */
	leaveNow?: () => void;
	tenants?: ScreensProps['tenants'];
}

export function App({
	store,
	feed,
	initialTab = 'licenses',
	graphBase = 'https://graph.microsoft.com',
	signIn,
	sending: given,
	interrupts,
	leaveNow,
	tenants,
}: AppProps) {
	const [sending] = useState(() => given ?? createSending());
	const [router] = useState(createKeyRouter);
	const {exit} = useApp();
	return (
		<StoreContext.Provider value={store}>
			<SendingContext.Provider value={sending}>
				<RouterContext.Provider value={router}>
					<KeyInput router={router} />
					<Screens
						initialTab={initialTab}
						tenants={tenants}
						router={router}
						graphBase={graphBase}
						signIn={signIn}
						interrupts={interrupts}
						leaveNow={leaveNow ?? exit}
					/>
					{/* Last: its effect runs after every other effect of a key's commit. */}
					<KeyPacing feed={feed} />
				</RouterContext.Provider>
			</SendingContext.Provider>
		</StoreContext.Provider>
	);
}
