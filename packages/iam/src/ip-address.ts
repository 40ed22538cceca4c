/*
 * IPv4 and IPv6 addresses and CIDR ranges for the IpAddress/NotIpAddress condition operators
 * (`aws:SourceIp`). Written without `node:net` so the evaluator stays platform-neutral. An IPv4
 * address never matches an IPv6 range and vice versa, as in AWS.
 */

/** A parsed address: its family and value as an unsigned integer. */
export interface IpAddress {
  family: 4 | 6;
  value: bigint;
}

/** A parsed CIDR range: an address and how many leading bits are fixed. */
export interface IpRange extends IpAddress {
  prefix: number;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseHextets(text: string): bigint[] | undefined {
  if (text === '') return [];
  const groups = text.split(':');
  const hextets: bigint[] = [];
  for (const [i, group] of groups.entries()) {
    if (i === groups.length - 1 && group.includes('.')) {
      const v4 = parseIpv4(group);
      if (v4 === undefined) return undefined;
      hextets.push(v4 >> 16n, v4 & 0xffffn);
    } else if (/^[0-9a-fA-F]{1,4}$/.test(group)) {
      hextets.push(BigInt(`0x${group}`));
    } else {
      return undefined;
    }
  }
  return hextets;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseHextets(halves[0] ?? '');
  const tail = halves.length === 2 ? parseHextets(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...Array<bigint>(missing).fill(0n), ...tail];
  return all.reduce((acc, h) => (acc << 16n) | h, 0n);
}

/** Parses `203.0.113.7` or `2001:db8::1`; `undefined` when `text` is not an address. */
export function parseIpAddress(text: string): IpAddress | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = text.includes(':') ? parseIpv6(text) : undefined;
  return v6 === undefined ? undefined : { family: 6, value: v6 };
}

/** Parses `203.0.113.0/24`, `2001:db8::/32`, or a bare address (a range of one). */
export function parseIpRange(text: string): IpRange | undefined {
  const [address = '', prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return undefined;
  const parsed = parseIpAddress(address);
  if (!parsed) return undefined;
  const bits = parsed.family === 4 ? 32 : 128;
  if (prefixText === undefined) return { ...parsed, prefix: bits };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return undefined;
  return { ...parsed, prefix: Number(prefixText) };
}

/** Whether `address` lies inside `range`. */
export function ipInRange(address: IpAddress, range: IpRange): boolean {
  if (address.family !== range.family) return false;
  const shift = BigInt((range.family === 4 ? 32 : 128) - range.prefix);
  return address.value >> shift === range.value >> shift;
}
