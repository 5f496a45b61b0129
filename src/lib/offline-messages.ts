/** What pages and the service worker say to each other (`postMessage`). */
export type WorkerMessage =
	/** Take over now: sent by workbox-window's `messageSkipWaiting()` when the responder asks. */
	| { type: 'SKIP_WAITING' }
	/** Which build the worker stores; answered with a `WorkerBuild` on the message's port. */
	| { type: 'GET_BUILD' };

export interface WorkerBuild {
	/** When the stored copy was built (ISO 8601). */
	builtAt: string;
}
