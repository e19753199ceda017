// Types of what tests import from scripts/build.mjs.
export declare const ELECTRON_NODE_TARGET: string;
export declare const NODE_TARGET: string;
export declare const HOST_EXTERNAL_PACKAGES: string[];
export declare function isBuildCurrent(): boolean;
