export interface Patch {
	name: string;
	package: string;
	version: string;
	file: string;
	replacements: Array<[string, string]>;
	end?: string;
}

export declare const patches: Patch[];
export declare const patchedPackages: string[];
export declare function packageFile(path: string): {package: string; root: string; file: string} | null;
export declare function patchesOf(path: string): Patch[];
export declare function checkVersion(patch: Patch, root: string): void;
export declare function checkInstalled(root: string): void;
export declare function patched(path: string, text: string): string | null;
