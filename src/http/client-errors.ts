import type { Socket } from 'node:net';
import type { ConnectionError, FastifyInstance } from 'fastify';
import { ERROR_CODES } from './errors.js';

/**
 * Answers what Node's HTTP parser refuses before Fastify sees a request (an over-long URL or header block, a
 * malformed request line, a request that took too long to arrive) in the API.md error shape. The status follows
 * errors.ts: one status per code, so 431 becomes 400 validation_failed as the router's 414 does. Only the error's
 * code is logged: Node attaches the raw bytes received (`rawPacket`), which may hold a URL's manage token.
 */
export function clientErrorHandler(this: FastifyInstance, err: ConnectionError & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const message =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? 'The URL or the headers are too large'
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'The request took too long to arrive'
        : 'The request is malformed';
  this.log.debug({ code: err.code }, 'client error');
  const json = JSON.stringify({ error: ERROR_CODES.validation_failed.title, code: 'validation_failed', message });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy();
}
