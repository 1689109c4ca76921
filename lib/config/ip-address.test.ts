import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { ipFamily, isIPv4, isIPv6 } from './ip-address';

const SAMPLES = [
  '1.2.3.4',
  '255.255.255.255',
  '0.0.0.0',
  '256.1.1.1',
  '01.2.3.4',
  '1.2.3',
  '1.2.3.4.5',
  '1.2.3.-1',
  'a.b.c.d',
  '',
  '::',
  '::1',
  '1::',
  'fe80::1',
  'fe80::1%eth0',
  '2001:db8::8a2e:370:7334',
  '2001:0db8:0000:0000:0000:ff00:0042:8329',
  '::ffff:192.0.2.1',
  '::ffff:999.0.2.1',
  '1:2:3:4:5:6:7:8',
  '1:2:3:4:5:6:7:8:9',
  '1:2:3:4:5:6:7::',
  '1::2::3',
  ':1',
  '1:',
  '12345::',
  'g::1',
  '1:2:3:4:5:6:1.2.3.4',
  '1:2:3:4:5:6:7:1.2.3.4',
  '%eth0',
  '::1%',
  'quay.example.com',
  '[::1]',
];

describe('IP address syntax without node:net', () => {
  it.each(SAMPLES)('answers as Node does for %j', (s) => {
    expect({ v4: isIPv4(s), v6: isIPv6(s), family: ipFamily(s) }).toEqual({ v4: net.isIPv4(s), v6: net.isIPv6(s), family: net.isIP(s) });
  });
});
