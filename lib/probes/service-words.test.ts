import { describe, expect, it } from 'vitest';
import { MAX_SERVICE_WORDS, serviceWords } from './http';
import { unexpectedStatus } from './probe-kit';

/**
 * Probe findings quote the service's answer; the red-team pass found up to ~200 characters of
 * internal services' bodies echoed to the user. Only the first line of text, capped, is quoted.
 */

const HTML_ERROR = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{}</style></head>
<body><h1>Bad Gateway</h1><p>upstream internal-es-7.prod.corp.example:9200 sent an invalid response</p>
<pre>Traceback (most recent call last): File "/srv/app.py", line 12, token=eyJhbGciOiJIUzI1NiJ9.secret</pre></body></html>`;

describe('serviceWords', () => {
  it('keeps a short error message as it is', () => {
    expect(serviceWords('invalid_client: Client authentication failed')).toBe('invalid_client: Client authentication failed');
  });

  it('quotes the first line only: no stack trace, no internal host names further down', () => {
    const text = `index_not_found_exception: no such index [logentry]\n    at org.elasticsearch.Foo(internal-es-7.prod.corp.example)\n    at bar`;
    expect(serviceWords(text)).toBe('index_not_found_exception: no such index [logentry]');
  });

  it('drops the markup of an HTML error page and keeps its title', () => {
    const words = serviceWords(HTML_ERROR);
    expect(words).toBe('502 Bad Gateway');
    expect(words).not.toMatch(/internal-es|token=|Traceback|body\{/);
  });

  it(`caps a long line at ${MAX_SERVICE_WORDS} characters`, () => {
    const words = serviceWords(`error ${'x'.repeat(500)}`);
    expect(words.length).toBeLessThanOrEqual(MAX_SERVICE_WORDS);
    expect(words.endsWith('…')).toBe(true);
  });
});

describe('unexpectedStatus (storage and Elasticsearch findings)', () => {
  it('quotes at most the capped first line of the body', () => {
    const body = `${'a'.repeat(150)} internal detail\nsecond line with internal-db.corp.example`;
    const f = unexpectedStatus(['LOGS_MODEL_CONFIG'], 'Elasticsearch: GET /', 500, body);
    const quoted = /\((.*)\)$/.exec(f.message)?.[1] ?? '';
    expect(quoted.length).toBeLessThanOrEqual(MAX_SERVICE_WORDS);
    expect(f.message).not.toContain('internal');
  });
});
