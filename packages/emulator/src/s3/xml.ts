/*
 * S3's XML: a small writer for response documents (escaped the way S3 escapes, elements in the
 * order given) and the parser for the two request bodies the emulator accepts (DeleteObjects,
 * CompleteMultipartUpload), built on fast-xml-parser with every value kept as a string.
 */
import { XMLParser } from 'fast-xml-parser';
import { S3Errors, withCause } from './errors.js';

/**
 * A response element: text, or children in order; arrays repeat the element; `undefined` is
 * omitted. Under the name `''`, an array of objects writes their children inline, for sequences
 * that mix elements (ListObjectVersions' `<Version>` and `<DeleteMarker>` in key order).
 */
export type XmlValue = string | number | boolean | undefined | XmlObject | XmlValue[];
export interface XmlObject {
  [element: string]: XmlValue;
}

const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** Escapes text for an XML element, including the control characters S3 writes as character references. */
export function escapeXml(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: S3 writes control characters as references.
  return text.replace(/[&<>"'\u0000-\u001f]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case "'":
        return '&apos;';
      default:
        return `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`;
    }
  });
}

function writeElement(name: string, value: XmlValue, out: string[]): void {
  if (value === undefined) return;
  if (Array.isArray(value)) {
    for (const item of value) writeElement(name, item, out);
    return;
  }
  if (name === '') {
    if (typeof value === 'object') writeChildren(value, out);
    return;
  }
  out.push(`<${name}>`);
  if (typeof value === 'object') writeChildren(value, out);
  else out.push(escapeXml(String(value)));
  out.push(`</${name}>`);
}

function writeChildren(object: XmlObject, out: string[]): void {
  for (const [name, value] of Object.entries(object)) writeElement(name, value, out);
}

/** A whole S3 response document: declaration, root element with S3's namespace, children. */
export function toXmlDocument(root: string, body: XmlObject, options: { namespace?: boolean } = {}): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  out.push(options.namespace === false ? `<${root}>` : `<${root} xmlns="${S3_NAMESPACE}">`);
  writeChildren(body, out);
  out.push(`</${root}>`);
  return out.join('');
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => name === 'Object' || name === 'Part',
  processEntities: true,
});

/** Parses a request body; malformed XML or a missing root element is S3's MalformedXML. */
export function parseRequestXml(text: string, root: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = parser.parse(text, true);
  } catch (cause) {
    throw withCause(S3Errors.malformedXml(), cause);
  }
  const element = (parsed as Record<string, unknown> | undefined)?.[root];
  if (element === null || typeof element !== 'object') throw S3Errors.malformedXml();
  return element as Record<string, unknown>;
}

/** Reads a child element's text; `undefined` when absent. */
export function textOf(element: unknown, name: string): string | undefined {
  if (element === null || typeof element !== 'object') return undefined;
  const value = (element as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (value === '' || (typeof value === 'object' && value !== null && Object.keys(value).length === 0))
    return '';
  return typeof value === 'object' ? undefined : String(value);
}
