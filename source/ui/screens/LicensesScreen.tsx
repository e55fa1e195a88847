// Billing > Licenses: one row per product, counts summed over all its subscriptions.
import {Box} from 'ink';
import {Text} from '../components/Text.js';
import {productRows, type ProductRow} from '../../domain/selectors.js';
import {useChrome} from '../chrome.js';
import {Row} from '../components/Row.js';
import {FilterBar} from '../components/FilterBar.js';
import {ScreenFrame} from '../components/ScreenFrame.js';
import {useFilter} from '../components/use-filter.js';
import {listHandlers} from '../components/list-handlers.js';
import {useList} from '../components/use-list.js';
import {WindowedList, windowLabel} from '../components/WindowedList.js';
import {useAppState} from '../store-context.js';
import {strings} from '../../text/index.js';

/** A number column: room for 1,000,000 and for its heading in the language in use. */
const numberWidthOf = (headings: readonly string[]) => Math.max(11, ...headings.map(heading => heading.length + 2));

function ProductLine({product, width, numberWidth, selected}: {product: ProductRow; width: number; numberWidth: number; selected: boolean}) {
	return (
		<Row
			width={width}
			cells={[
				{text: product.name, inverse: selected},
				...[product.assigned, product.available, product.total].map(n => ({text: strings.number(n), width: numberWidth, align: 'right' as const})),
			]}
		/>
	);
}

export function LicensesScreen({onOpen}: {onOpen: (skuId: string) => void}) {
	const {tenant} = useAppState();
	const chrome = useChrome();
	const filter = useFilter();
	const needle = filter.query.trim().toLowerCase();
	const products = productRows(tenant).filter(
		p => needle === '' || p.name.toLowerCase().includes(needle) || p.skuPartNumber.toLowerCase().includes(needle),
	);
	// Title, column headings and the filter line take three rows.
	const listHeight = Math.max(1, chrome.bodyRows - 3);
	const list = useList(products.length, listHeight);
	const width = chrome.size.columns - 1;
	const headings = [strings.licenses.assigned, strings.licenses.available, strings.licenses.total];
	const numberWidth = numberWidthOf(headings);

	return (
		<ScreenFrame
			contexts={['licenses', 'list']}
			text={filter.field}
			handlers={{
				...listHandlers(list, filter),
				open: () => {
					const product = products[list.state.cursor];
					if (product) onOpen(product.skuId);
				},
			}}
		>
			<Box justifyContent="space-between" width={width + 1}>
				<Text bold>{strings.screens.licenses}</Text>
				<Text dimColor>{windowLabel(list.state, listHeight, products.length)}</Text>
			</Box>
			<Box width={width + 1}>
				<Text> </Text>
				<Row
					width={width}
					cells={[
						{text: strings.licenses.product, bold: true},
						...headings.map(heading => ({text: heading, width: numberWidth, align: 'right' as const, bold: true})),
					]}
				/>
			</Box>
			<WindowedList
				items={products}
				state={list.state}
				height={listHeight}
				empty={filter.query ? strings.product.noMatch(filter.query) : strings.licenses.none}
				rowKey={p => p.skuId}
				renderRow={(product, selected) => <ProductLine product={product} width={width} numberWidth={numberWidth} selected={selected} />}
			/>
			<FilterBar filter={filter} />
		</ScreenFrame>
	);
}
