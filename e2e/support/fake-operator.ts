import { createServer, type IncomingHttpHeaders } from 'node:http';

/** One request the fake operator received. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A stand-in for the Quay operator's config endpoint: records every request, answers what it is told. */
export interface FakeOperator {
  requests: RecordedRequest[];
  /** The next answers (status, body, content type); change it between requests. */
  answer: { status: number; body: string; contentType: string };
  close(): Promise<void>;
}

/** Starts the recording server on 127.0.0.1:`port` (the port the wizard's `--operator-endpoint` names). */
export async function startFakeOperator(port: number): Promise<FakeOperator> {
  const requests: RecordedRequest[] = [];
  const fake: FakeOperator = {
    requests,
    answer: { status: 200, body: 'reconfigured', contentType: 'text/plain' },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(fake.answer.status, { 'content-type': fake.answer.contentType });
      res.end(fake.answer.body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return fake;
}
