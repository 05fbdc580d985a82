import type { IncomingMessage } from 'node:http';
import { TRPCError } from '@trpc/server';

/**
 * A request body read into memory, or the fact that it was larger than allowed.
 *
 * "Too large" is a value rather than a rejection so the caller decides what it means: the lean
 * handler turns it into tRPC's PAYLOAD_TOO_LARGE only for calls that actually read their input,
 * exactly when the stock adapter does.
 */
export type CappedBody = { tooLarge: false; text: string } | { tooLarge: true };

const byteOrderMark = 0xfeff;

/**
 * Reads `req` as Buffer chunks up to `maxBytes`.
 *
 * Settles as "too large" as soon as the cap is passed (or the declared Content-Length is over
 * it), so the 413 can go out at once. The rest of the body is then drained unbuffered rather than
 * the socket destroyed: closing a connection whose client is still uploading makes the client see
 * a reset instead of our answer, and Node's `server.requestTimeout` already bounds a slow upload.
 * The stock adapter with `maxBodySize` behaves the same way.
 */
export function readCappedBody(req: IncomingMessage, maxBytes: number): Promise<CappedBody> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    let size = 0;
    let tooLarge = false;
    const chunks: Buffer[] = [];

    const refuse = (): void => {
      tooLarge = true;
      chunks.length = 0;
      cleanup();
      resolve({ tooLarge: true });
    };
    // Stays attached after a refusal: with a 'data' listener the stream keeps flowing, which is
    // what drains the rest of the body.
    const onData = (chunk: Buffer): void => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > maxBytes) refuse();
      else chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
      let text = bytes.toString('utf8');
      // fetch's Request.json() (what the stock adapter uses) drops a UTF-8 byte order mark.
      if (text.charCodeAt(0) === byteOrderMark) text = text.slice(1);
      resolve({ tooLarge: false, text });
    };
    // A client that leaves mid-upload never sends 'end'; nobody reads the answer then, but the
    // call waiting on its input should still settle.
    const onClose = (): void => {
      cleanup();
      reject(new TRPCError({ code: 'CLIENT_CLOSED_REQUEST', message: 'The request body was not completed' }));
    };
    const cleanup = (): void => {
      req.off('end', onEnd);
      req.off('error', onClose);
      req.off('close', onClose);
    };

    req.on('data', onData);
    if (declared > maxBytes) {
      refuse();
      return;
    }
    req.on('end', onEnd);
    req.on('error', onClose);
    req.on('close', onClose);
  });
}
