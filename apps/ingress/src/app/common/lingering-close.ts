import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/** How long a refused upload is still drained after the answer, so the client gets to read it. */
export const LINGER_MS = 2_000;

/**
 * Lets the answer to a request whose body the ingress refuses to read (413) reach the
 * client. Closing the socket at once while the client is still sending makes the kernel
 * answer its data with a reset, which can destroy the unread answer on the client's
 * side; so, like nginx's lingering close, the write side is closed after the answer
 * and what still arrives is discarded unread, for at most LINGER_MS, then the
 * connection is cut. Nothing of the body is buffered or forwarded.
 *
 * Node's HTTP server closes a `connection: close` response's socket with
 * `destroySoon()`; this replaces it on this one socket.
 */
export function lingerThenClose(req: IncomingMessage): void {
  const socket = req.socket;
  socket.destroySoon = function lingeringDestroySoon() {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
  // Flowing without a 'data' listener: the rest of the body is dropped as it comes.
  req.resume();
}

/**
 * The same for an answer written straight onto the socket (a request Node's HTTP parser
 * refused, so there is no response object): the answer goes out, the write side is
 * closed, and whatever still arrives is dropped unread until the connection is cut,
 * after LINGER_MS at the latest.
 */
export function answerThenClose(socket: Duplex, answer: string): void {
  socket.end(answer);
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}
