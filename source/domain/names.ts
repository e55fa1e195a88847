import {productNames, servicePlanNames} from './catalog.js';

/** The admin center's product name for a SKU; the part number when Microsoft's table does not know it. */
export function productName(skuId: string, skuPartNumber: string): string {
	return productNames[skuId.toLowerCase()]?.[1] ?? skuPartNumber;
}

/** The friendly name of a service plan ("Exchange Online (Plan 1)"), or its code name. */
export function servicePlanName(servicePlanId: string, servicePlanName: string): string {
	const friendly = servicePlanNames[servicePlanId.toLowerCase()]?.[1];
	return friendly && friendly.length > 0 ? friendly : servicePlanName;
}
