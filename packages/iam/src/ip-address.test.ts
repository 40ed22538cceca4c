/*
 * Tests for IPv4/IPv6 address and CIDR parsing and range checks.
 */
import { describe, expect, it } from 'vitest';
import { ipInRange, parseIpAddress, parseIpRange } from './ip-address.js';

const inRange = (address: string, range: string) => {
  const a = parseIpAddress(address);
  const r = parseIpRange(range);
  if (!a || !r) throw new Error(`bad test input ${address} ${range}`);
  return ipInRange(a, r);
};

describe('IP ranges', () => {
  it.each([
    ['203.0.113.7', '203.0.113.0/24', true],
    ['203.0.114.7', '203.0.113.0/24', false],
    ['203.0.113.7', '203.0.113.7', true],
    ['203.0.113.8', '203.0.113.7', false],
    ['10.1.2.3', '0.0.0.0/0', true],
    ['2001:db8:1234:5678::1', '2001:DB8:1234:5678::/64', true],
    ['2001:db8:1234:5679::1', '2001:DB8:1234:5678::/64', false],
    ['::1', '::1/128', true],
    ['::ffff:203.0.113.7', '::ffff:203.0.113.0/120', true],
    ['203.0.113.7', '2001:db8::/32', false],
    ['2001:db8::1', '0.0.0.0/0', false],
  ])('%s in %s: %s', (address, range, expected) => {
    expect(inRange(address, range)).toBe(expected);
  });

  it.each(['256.0.0.1', '1.2.3', '1.2.3.4.5', 'a.b.c.d', '1::2::3', '1:2:3:4:5:6:7:8:9', 'gggg::1', ''])(
    'rejects the address %j',
    (text) => {
      expect(parseIpAddress(text)).toBeUndefined();
    },
  );

  it.each(['10.0.0.0/33', '2001:db8::/129', '10.0.0.0/', '10.0.0.0/8/8', '10.0.0.0/x'])(
    'rejects the range %j',
    (text) => {
      expect(parseIpRange(text)).toBeUndefined();
    },
  );
});
