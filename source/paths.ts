import {fileURLToPath} from 'node:url';

// This file sits one level below the package root, as does the bundle (dist/cli.js) it is built
// into, so the same relative URL finds the demo in both.
export const demoTenantPath = fileURLToPath(new URL('../demo-data/contoso.json', import.meta.url));
