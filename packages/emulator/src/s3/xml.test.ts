/* S3's XML: escaping on the way out, strict parsing (MalformedXML) on the way in. */
import { describe, expect, it } from 'vitest';
import { S3Error } from './errors.js';
import { escapeXml, parseRequestXml, textOf, toXmlDocument } from './xml.js';

describe('toXmlDocument', () => {
  it('escapes markup and control characters, repeats arrays and omits undefined', () => {
    const xml = toXmlDocument('ListBucketResult', {
      Name: 'b',
      Prefix: undefined,
      Contents: [{ Key: 'a<b>&"c\'' }, { Key: 'tab\there\u0001' }],
    });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name>' +
        '<Contents><Key>a&lt;b&gt;&amp;&quot;c&apos;</Key></Contents><Contents><Key>tab&#x9;here&#x1;</Key></Contents></ListBucketResult>',
    );
    expect(escapeXml('ü日😀')).toBe('ü日😀');
  });
});

describe('parseRequestXml', () => {
  it('keeps key text exactly (spaces, digits, entities) and lists even a single Object', () => {
    const root = parseRequestXml(
      '<Delete><Object><Key> 007 a&amp;b </Key></Object><Quiet>true</Quiet></Delete>',
      'Delete',
    );
    const objects = root.Object as unknown[];
    expect(objects).toHaveLength(1);
    expect(textOf(objects[0], 'Key')).toBe(' 007 a&b ');
    expect(textOf(root, 'Quiet')).toBe('true');
  });

  it('answers MalformedXML for broken XML or the wrong root element', () => {
    for (const text of ['<Delete><Object>', 'not xml', '<Other/>']) {
      expect(() => parseRequestXml(text, 'Delete')).toThrow(S3Error);
      try {
        parseRequestXml(text, 'Delete');
      } catch (error) {
        expect((error as S3Error).code).toBe('MalformedXML');
      }
    }
  });
});
