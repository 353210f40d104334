/**
 * A throwaway HTTP server on 127.0.0.1 for the ingest tests (URLs, feeds, inputs):
 * each route answers one path, anything else is a 404.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (res: http.ServerResponse) => void;

export interface LocalServer {
  /** "http://127.0.0.1:PORT", no trailing slash. */
  base: string;
  close(): void;
}

export async function serveRoutes(routes: Record<string, Route>): Promise<LocalServer> {
  const server = http.createServer((req, res) => {
    const route = routes[req.url ?? ''];
    if (route) return route(res);
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
