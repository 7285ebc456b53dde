/** Always rejects: the real package needs Node 22 (see deploy/engines.test.ts). */
export declare function startLocalDurableStreamsServer(): Promise<never>;
