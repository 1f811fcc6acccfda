import http from 'node:http';
import https from 'node:https';

export interface PostResult {
  /** HTTP status, or null when no response came (refused, reset, timeout). */
  status: number | null;
  retryAfter: string | null;
  error: string | null;
}

export interface HttpPoster {
  post(url: string, headers: Record<string, string>, body: string): Promise<PostResult>;
  /** Sockets currently open (busy + idle), for tests and /healthz. */
  sockets(): number;
  /** Cuts every request in flight (each resolves with an error at once) and closes the sockets. */
  close(): void;
}

/**
 * POSTs through one keep-alive agent per protocol with `maxSockets` per origin and
 * `maxTotalSockets` overall, so a receiver that never answers costs at most that many sockets
 * (the old sender opened one per delivery: 9,600 in 60 s). node:http never follows redirects,
 * so a 3xx is a failure here and the signed body never goes to another host.
 */
export function httpPoster(options: {
  maxSocketsPerOrigin: number;
  maxSockets: number;
  timeoutMs: number;
}): HttpPoster {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSocketsPerOrigin,
    maxTotalSockets: options.maxSockets,
    maxFreeSockets: options.maxSocketsPerOrigin,
    timeout: options.timeoutMs,
  };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };
  const count = (agent: http.Agent) =>
    [agent.sockets, agent.freeSockets].reduce(
      (n, group) => n + Object.values(group).reduce((m, list) => m + (list?.length ?? 0), 0),
      0,
    );

  // Requests in flight, so a shutdown can cut them rather than wait out a receiver that never
  // answers (destroying the agents alone would leave requests queued for a socket).
  const live = new Set<http.ClientRequest>();

  return {
    post(url, headers, body) {
      const target = new URL(url);
      const lib = target.protocol === 'https:' ? https : http;
      const agent = agents[target.protocol as 'http:' | 'https:'];
      return new Promise<PostResult>((resolve) => {
        let done = false;
        const finish = (result: PostResult) => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          live.delete(request);
          resolve(result);
        };
        const request = lib.request(
          target,
          {
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': String(Buffer.byteLength(body)),
              'user-agent': 'Raaye-Webhooks/1',
              ...headers,
            },
          },
          (response) => {
            const status = response.statusCode ?? 0;
            const retryAfter = header(response.headers['retry-after']);
            // The body is not needed; reading it (bounded by the timeout) frees the socket.
            response.resume();
            response.once('end', () => {
              const redirect =
                status >= 300 && status < 400
                  ? `redirect ${status} to ${header(response.headers.location) ?? '?'} refused`
                  : null;
              finish({
                status,
                retryAfter,
                error: redirect ?? (status >= 200 && status < 300 ? null : `HTTP ${status}`),
              });
            });
            response.once('error', (e) => finish({ status, retryAfter, error: e.message }));
          },
        );
        // One deadline for the whole exchange, body included: a slow drip cannot hold a socket.
        const timer = setTimeout(() => {
          request.destroy(new Error(`timed out after ${options.timeoutMs} ms`));
        }, options.timeoutMs);
        request.once('error', (e) => finish({ status: null, retryAfter: null, error: e.message }));
        live.add(request);
        request.end(body);
      });
    },
    sockets: () => count(agents['http:']) + count(agents['https:']),
    close() {
      for (const request of live) request.destroy(new Error('collector shutting down'));
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

function header(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
