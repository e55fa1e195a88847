// Billing > Licenses: one row per product, counts summed over all its subscriptions.
import {Box} from 'ink';
import {Text} from '../components/Text.js';
import {useMemo} from 'react';
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

const counts = ['assigned', 'available', 'total'] as const;

/**
 * Each number column as wide as its heading (in the language in use) or its widest number, two
 * spaces from the one before: the product names, which matter most, keep the rest of the line.
 */
const numberWidths = (products: readonly ProductRow[]) =>
	counts.map(count => 2 + Math.max(strings.licenses[count].length, ...products.map(p => strings.number(p[count]).length)));

function ProductLine({product, width, numberWidths, selected}: {product: ProductRow; width: number; numberWidths: readonly number[]; selected: boolean}) {
	return (
		<Row
			width={width}
			cells={[
				{text: product.name, inverse: selected},
				...counts.map((count, i) => ({text: strings.number(product[count]), width: numberWidths[i], align: 'right' as const})),
			]}
		/>
	);
}

export function LicensesScreen({onOpen}: {onOpen: (skuId: string) => void}) {
	const {tenant} = useAppState();
	const chrome = useChrome();
	const filter = useFilter();
	const needle = filter.query.trim().toLowerCase();
	const products = productRows(tenant).filter(p => needle === '' || p.name.toLowerCase().includes(needle) || p.skuPartNumber.toLowerCase().includes(needle));
	// Title, column headings and the filter line take three rows.
	const listHeight = Math.max(1, chrome.bodyRows - 3);
	const list = useList(products.length, listHeight);
	const width = chrome.size.columns - 1;
	// Measured on every product, not the filtered ones: the columns stay put while filtering.
	const widths = useMemo(() => numberWidths(productRows(tenant)), [tenant]);

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
						...counts.map((count, i) => ({text: strings.licenses[count], width: widths[i], align: 'right' as const, bold: true})),
					]}
				/>
			</Box>
			<WindowedList
				items={products}
				state={list.state}
				height={listHeight}
				empty={filter.query ? strings.product.noMatch(filter.query) : strings.licenses.none}
				renderRow={(product, selected) => <ProductLine product={product} width={width} numberWidths={widths} selected={selected} />}
			/>
			<FilterBar filter={filter} />
		</ScreenFrame>
	);
}
