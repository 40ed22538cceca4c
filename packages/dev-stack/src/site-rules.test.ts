/* siteRulesFromTemplate: CloudFront's serving rules and headers, read from the synthesized template. */
import { describe, expect, it } from 'vitest';
import { siteTemplate } from './__tests__/site-template.js';
import { cacheControlFor, NoSiteHostingError, siteRulesFromTemplate } from './site-rules.js';

describe('siteRulesFromTemplate', () => {
  it('turns the response-headers policy into the headers CloudFront sends, the CSP left out', () => {
    expect(siteRulesFromTemplate(siteTemplate()).securityHeaders).toEqual({
      'strict-transport-security': 'max-age=63072000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'strict-origin-when-cross-origin',
    });
  });

  it('adds preload to HSTS when the policy asks for it', () => {
    expect(
      siteRulesFromTemplate(siteTemplate({ preload: true })).securityHeaders['strict-transport-security'],
    ).toBe('max-age=63072000; includeSubDomains; preload');
  });

  it("gives each key its deployment's cache-control, the longest prefix first", () => {
    const rules = siteRulesFromTemplate(siteTemplate());
    expect(cacheControlFor(rules, 'assets/index-abc.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor(rules, 'index.html')).toBe('no-cache');
    expect(cacheControlFor(rules, 'aws-outputs.json')).toBe('no-cache');
  });

  it('reads the root object, compression and custom error responses of the distribution', () => {
    const rules = siteRulesFromTemplate(
      siteTemplate({
        compress: false,
        customErrorResponses: [{ ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html' }],
      }),
    );
    expect(rules).toMatchObject({
      rootObject: 'index.html',
      compress: false,
      errorResponses: [{ errorCode: 403, responseCode: 200, responsePagePath: '/index.html' }],
    });
  });

  it('throws NoSiteHostingError, saying to synthesize with hosting, for a template without it', () => {
    expect(() => siteRulesFromTemplate({ Resources: {} })).toThrow(NoSiteHostingError);
    expect(() => siteRulesFromTemplate({ Resources: {} })).toThrow(/pnpm synth.*hosting=false/);
  });
});
