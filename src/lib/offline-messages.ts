/** What pages and the service worker say to each other (`postMessage`). */
export type WorkerMessage =
	/** Take over now: sent by workbox-window's `messageSkipWaiting()` when the responder asks. */
	| { type: 'SKIP_WAITING' }
	/** Which build the worker stores; answered with a `WorkerBuild` on the message's port. */
	| { type: 'GET_BUILD' };

export interface WorkerBuild {
	/** The stored build: a hash of its files. */
	build: string;
	/**
	 * When the sources of the stored build last changed (ISO 8601): the version the copy holds, the
	 * same for every build of the same sources. Null when the build could not tell.
	 */
	sourceDate: string | null;
}
