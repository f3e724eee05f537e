import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWebhookSender } from './webhook-sender.js';

describe('fetchWebhookSender', () => {
  let server: Server;
  let base: string;
  const seen: { body: string; headers: IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        seen.push({ body: Buffer.concat(chunks).toString('utf8'), headers: request.headers });
        if (request.url === '/hang') return; // never answers
        response.statusCode = request.url === '/fail' ? 500 : 202;
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('POSTs canonical JSON with the given headers and resolves with any status', async () => {
    const sender = fetchWebhookSender();
    const status = await sender.post(`${base}/ok`, { b: 1, a: 'Лукашэнка' }, { 'x-test': 'yes' });
    expect(status).toBe(202);
    expect(seen.at(-1)?.body).toBe('{"a":"Лукашэнка","b":1}');
    expect(seen.at(-1)?.headers['content-type']).toBe('application/json');
    expect(seen.at(-1)?.headers['x-test']).toBe('yes');
    expect(await sender.post(`${base}/fail`, {}, {})).toBe(500);
  });

  it('rejects when the receiver does not answer in time or cannot be reached', async () => {
    const sender = fetchWebhookSender({ timeoutMs: 200 });
    await expect(sender.post(`${base}/hang`, {}, {})).rejects.toThrow();
    await expect(sender.post('http://127.0.0.1:9/closed', {}, {})).rejects.toThrow();
  });
});
