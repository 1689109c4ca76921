import { describe, expect, it } from 'vitest';
import { parseDbUri, pyUnquote } from './db-uri';

// Expected values are what SQLAlchemy 1.4's make_url (Quay's parser) yields for the same strings.
describe('parseDbUri (SQLAlchemy make_url parity)', () => {
  it.each([
    ['postgresql://quay:secret@db.example.com:5433/quay', { scheme: 'postgresql', dialect: 'postgresql', username: 'quay', password: 'secret', host: 'db.example.com', port: 5433, database: 'quay' }],
    ['postgresql+psycopg2://quay:secret@db/quay', { scheme: 'postgresql+psycopg2', dialect: 'postgresql', host: 'db', database: 'quay' }],
    ['mysql+pymysql://quay:pw@[2001:db8::1]:3306/quay', { dialect: 'mysql', host: '2001:db8::1', port: 3306 }],
    ['sqlite:///var/lib/quay.db', { dialect: 'sqlite', database: 'var/lib/quay.db' }],
    ['postgres://quay:pw@db/quay', { scheme: 'postgres', dialect: undefined }],
    // The password ends at the first "@": the rest of it becomes part of the host.
    ['postgresql://quay:p@ss@db/quay', { password: 'p', host: 'ss@db', database: 'quay' }],
    // An "@" in the user name (Azure style) is fine: the user name runs to the last "@" before ":".
    ['postgresql://quay@myserver:pw@db/quay', { username: 'quay@myserver', password: 'pw', host: 'db' }],
    // "#", "/" and "?" inside the password are kept by SQLAlchemy.
    ['postgresql://quay:a#b/c?d@db/quay', { password: 'a#b/c?d', host: 'db', database: 'quay' }],
    ['postgresql://quay:p%40ss%25@db/quay', { password: 'p@ss%', rawPassword: 'p%40ss%25' }],
    ['postgresql://quay:pw@db:/quay', { host: 'db', port: undefined, portText: undefined }],
    ['postgresql://quay:pw@db:54x/quay', { portText: '54x', port: undefined }],
    ['postgresql://quay:pw@db/quay?sslmode=require', { database: 'quay', query: 'sslmode=require' }],
    ['postgresql://db/quay', { username: undefined, password: undefined, host: 'db' }],
  ])('%s', (uri, expected: Record<string, unknown>) => {
    const parsed: Record<string, unknown> = { ...parseDbUri(uri) };
    const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, parsed[k]]));
    expect(picked).toEqual(expected);
  });

  it.each(['db.example.com/quay', 'postgresql:/db/quay', '', '://db/quay'])('rejects %j like make_url does', (uri) => {
    expect(parseDbUri(uri)).toBeUndefined();
  });
});

describe('pyUnquote (urllib.parse.unquote)', () => {
  it.each([
    ['plain', 'plain'],
    ['a%40b', 'a@b'],
    ['%E2%82%AC', '€'],
    ['100%', '100%'],
    ['%zz%4', '%zz%4'],
    ['%C3', '\uFFFD'],
  ])('%j → %j', (input, output) => {
    expect(pyUnquote(input)).toBe(output);
  });
});
