/*
 * S3's errors as the service reports them: a code, an HTTP status, a message and the extra
 * elements S3 puts in its `<Error>` document. Every failure in the S3 half of the emulator is an
 * `S3Error`, built with one of the factories below so codes and statuses match AWS exactly.
 */

/**
 * One S3 error response. `extra` becomes additional child elements of `<Error>` (e.g. `Key`);
 * `headers` are response headers S3 sends with it (a delete marker's `x-amz-delete-marker`).
 */
export class S3Error extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly extra: Record<string, string> = {},
    options?: { cause?: unknown; headers?: Record<string, string> },
  ) {
    super(message, options);
    this.name = 'S3Error';
    this.headers = options?.headers ?? {};
  }

  readonly headers: Record<string, string>;
}

/** The headers S3 sends about a delete marker it met: `x-amz-delete-marker`, its version id. */
function deleteMarkerHeaders(marker: { versionId: string }): Record<string, string> {
  return { 'x-amz-delete-marker': 'true', 'x-amz-version-id': marker.versionId };
}

/** Factories for every error the emulator's S3 returns, named after S3's codes. */
export const S3Errors = {
  accessDenied: (message = 'Access Denied', extra: Record<string, string> = {}) =>
    new S3Error('AccessDenied', 403, message, extra),
  /** S3 lists the unsigned headers comma-separated in `<HeadersNotSigned>`. */
  headersNotSigned: (names: readonly string[]) =>
    new S3Error('AccessDenied', 403, 'There were headers present in the request which were not signed', {
      HeadersNotSigned: names.join(', '),
    }),
  authorizationHeaderMalformed: (message: string, extra: Record<string, string> = {}) =>
    new S3Error('AuthorizationHeaderMalformed', 400, message, extra),
  authorizationQueryParametersError: (message: string, extra: Record<string, string> = {}) =>
    new S3Error('AuthorizationQueryParametersError', 400, message, extra),
  badDigest: (what: string) =>
    new S3Error('BadDigest', 400, `The ${what} you specified did not match the calculated checksum.`),
  contentMd5Mismatch: () =>
    new S3Error('BadDigest', 400, 'The Content-MD5 you specified did not match what we received.'),
  entityTooLarge: () =>
    new S3Error('EntityTooLarge', 400, 'Your proposed upload exceeds the maximum allowed size', {
      MaxSizeAllowed: String(5 * 1024 ** 3),
    }),
  entityTooSmall: () =>
    new S3Error(
      'EntityTooSmall',
      400,
      'Your proposed upload is smaller than the minimum allowed object size.',
    ),
  expiredToken: () => new S3Error('ExpiredToken', 400, 'The provided token has expired.'),
  incompleteBody: () =>
    new S3Error(
      'IncompleteBody',
      400,
      'You did not provide the number of bytes specified by the Content-Length HTTP header.',
    ),
  internalError: (cause: unknown) =>
    new S3Error('InternalError', 500, 'We encountered an internal error. Please try again.', {}, { cause }),
  invalidAccessKeyId: (accessKeyId: string) =>
    new S3Error(
      'InvalidAccessKeyId',
      403,
      'The AWS Access Key Id you provided does not exist in our records.',
      { AWSAccessKeyId: accessKeyId },
    ),
  invalidArgument: (message: string, name?: string, value?: string) =>
    new S3Error(
      'InvalidArgument',
      400,
      message,
      name === undefined ? {} : { ArgumentName: name, ArgumentValue: value ?? '' },
    ),
  invalidDigest: () => new S3Error('InvalidDigest', 400, 'The Content-MD5 you specified was invalid.'),
  invalidPart: () =>
    new S3Error(
      'InvalidPart',
      400,
      "One or more of the specified parts could not be found. The part might not have been uploaded, or the specified entity tag might not have matched the part's entity tag.",
    ),
  invalidPartNumber: () =>
    new S3Error('InvalidPartNumber', 416, 'The requested partnumber is not satisfiable'),
  invalidPartOrder: () =>
    new S3Error(
      'InvalidPartOrder',
      400,
      'The list of parts was not in ascending order. The parts list must be specified in order by part number.',
    ),
  invalidRange: (size: number) =>
    new S3Error('InvalidRange', 416, 'The requested range is not satisfiable', {
      ActualObjectSize: String(size),
    }),
  invalidRequest: (message: string) => new S3Error('InvalidRequest', 400, message),
  invalidToken: () =>
    new S3Error('InvalidToken', 400, 'The provided token is malformed or otherwise invalid.'),
  invalidUri: () => new S3Error('InvalidURI', 400, "Couldn't parse the specified URI."),
  keyTooLong: () => new S3Error('KeyTooLongError', 400, 'Your key is too long'),
  malformedXml: () =>
    new S3Error(
      'MalformedXML',
      400,
      'The XML you provided was not well-formed or did not validate against our published schema',
    ),
  /** S3 reports the user-defined metadata's size (names without `x-amz-meta-`, plus values) and the limit. */
  metadataTooLarge: (size: number, max: number) =>
    new S3Error('MetadataTooLarge', 400, 'Your metadata headers exceed the maximum allowed metadata size', {
      Size: String(size),
      MaxSizeAllowed: String(max),
    }),
  /**
   * GetObject/HeadObject of a delete marker by its version id (S3 API Reference, GetObject,
   * "x-amz-delete-marker": "405 Method Not Allowed error and the Last-Modified: timestamp").
   */
  deleteMarkerNotAllowed: (method: string, marker: { versionId: string; lastModified: number }) =>
    new S3Error(
      'MethodNotAllowed',
      405,
      'The specified method is not allowed against this resource.',
      { Method: method, ResourceType: 'DeleteMarker' },
      {
        headers: {
          ...deleteMarkerHeaders(marker),
          'last-modified': new Date(marker.lastModified).toUTCString(),
        },
      },
    ),
  methodNotAllowed: (method: string) =>
    new S3Error('MethodNotAllowed', 405, 'The specified method is not allowed against this resource.', {
      Method: method,
      ResourceType: 'OBJECT',
    }),
  missingContentLength: () =>
    new S3Error('MissingContentLength', 411, 'You must provide the Content-Length HTTP header.'),
  noSuchBucket: (bucket: string) =>
    new S3Error('NoSuchBucket', 404, 'The specified bucket does not exist', { BucketName: bucket }),
  /** With `marker` when the key's current version is a delete marker (S3 sends its headers). */
  noSuchKey: (key: string, marker?: { versionId: string }) =>
    new S3Error(
      'NoSuchKey',
      404,
      'The specified key does not exist.',
      { Key: key },
      { headers: marker ? deleteMarkerHeaders(marker) : {} },
    ),
  /** A well-formed `versionId` that the key does not have. */
  noSuchVersion: (key: string, versionId: string) =>
    new S3Error('NoSuchVersion', 404, 'The specified version does not exist.', {
      Key: key,
      VersionId: versionId,
    }),
  /** A `versionId` that cannot be a version id. */
  invalidVersionId: (versionId: string) =>
    new S3Error('InvalidArgument', 400, 'Invalid version id specified', {
      ArgumentName: 'versionId',
      ArgumentValue: versionId,
    }),
  noSuchUpload: (uploadId: string) =>
    new S3Error(
      'NoSuchUpload',
      404,
      'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      { UploadId: uploadId },
    ),
  notImplemented: (operation: string) =>
    new S3Error(
      'NotImplemented',
      501,
      `The emulator does not implement ${operation}. Supported: ListObjectsV2, ListObjectVersions, GetObject, HeadObject, PutObject, DeleteObject, DeleteObjects, CopyObject and the multipart upload operations.`,
    ),
  preconditionFailed: (condition: string) =>
    new S3Error('PreconditionFailed', 412, 'At least one of the pre-conditions you specified did not hold', {
      Condition: condition,
    }),
  requestTimeTooSkewed: (requestTime: string, serverTime: string) =>
    new S3Error(
      'RequestTimeTooSkewed',
      403,
      'The difference between the request time and the current time is too large.',
      { RequestTime: requestTime, ServerTime: serverTime, MaxAllowedSkewMilliseconds: '900000' },
    ),
  signatureDoesNotMatch: (accessKeyId: string) =>
    new S3Error(
      'SignatureDoesNotMatch',
      403,
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      { AWSAccessKeyId: accessKeyId },
    ),
  contentSha256Mismatch: (client: string, computed: string) =>
    new S3Error(
      'XAmzContentSHA256Mismatch',
      400,
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
      { ClientComputedContentSHA256: client, S3ComputedContentSHA256: computed },
    ),
} as const;

/** The same S3 error, with `cause` recorded (for errors raised while handling another). */
export function withCause(error: S3Error, cause: unknown): S3Error {
  return new S3Error(error.code, error.status, error.message, error.extra, { cause, headers: error.headers });
}

/** Wraps anything thrown into an `S3Error`, keeping the original as `cause`. */
export function toS3Error(error: unknown): S3Error {
  return error instanceof S3Error ? error : S3Errors.internalError(error);
}
