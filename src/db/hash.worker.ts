/// <reference lib="webworker" />
/**
 * Hashes a kept file off the page's thread: Chromium computes a digest on the calling thread, and
 * reading and hashing a 70 MB export there held the page for half a second. A Blob crosses to a
 * worker without its bytes being copied.
 */
import { sha256Hex } from './sha256';

export type HashRequest = { id: number; content: Blob };
export type HashReply = { id: number; hash: string } | { id: number; error: string };

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<HashRequest>) => {
  const { id, content } = event.data;
  try {
    self.postMessage({ id, hash: await sha256Hex(await content.arrayBuffer()) } satisfies HashReply);
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies HashReply);
  }
};
