/*
 * The bucket that holds users' files, and the bucket that receives its server access logs. Both
 * block public access, encrypt with SSE-S3 and refuse plain HTTP; the file bucket is versioned,
 * expires old versions, aborts stale multipart uploads, and answers CORS for the web origins.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Options for {@link FileBucket}. */
export interface FileBucketProps {
  /**
   * Origins that may call the bucket from a browser (CORS), e.g. `https://app.example.com`.
   * @default ['http://localhost:5173']
   */
  readonly webOrigins?: string[];
  /**
   * `DESTROY` removes both buckets (and, with `autoDeleteObjects`, their contents) with the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Empty the buckets when the stack deletes them (adds a CDK custom resource). Only with `DESTROY`.
   * @default false
   */
  readonly autoDeleteObjects?: boolean;
  /**
   * How long a replaced or deleted object version is kept.
   * @default Duration.days(30)
   */
  readonly noncurrentVersionExpiration?: Duration;
  /**
   * How long an unfinished multipart upload may keep its parts.
   * @default Duration.days(7)
   */
  readonly abortIncompleteMultipartUploadAfter?: Duration;
  /**
   * How long server access log objects are kept.
   * @default Duration.days(90)
   */
  readonly accessLogExpiration?: Duration;
}

/** The private file bucket and its access-log bucket. */
export class FileBucket extends Construct {
  /** Users' files; the app reaches it only through the identity pool's role. */
  readonly bucket: Bucket;
  /** Receives the file bucket's server access logs. */
  readonly logBucket: Bucket;

  constructor(scope: Construct, id: string, props: FileBucketProps = {}) {
    super(scope, id);
    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const autoDeleteObjects = props.autoDeleteObjects ?? false;

    this.logBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: props.accessLogExpiration ?? Duration.days(90) }],
      removalPolicy,
      autoDeleteObjects,
    });

    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [
        {
          noncurrentVersionExpiration: props.noncurrentVersionExpiration ?? Duration.days(30),
          abortIncompleteMultipartUploadAfter: props.abortIncompleteMultipartUploadAfter ?? Duration.days(7),
        },
      ],
      cors: [
        {
          allowedOrigins: props.webOrigins ?? ['http://localhost:5173'],
          allowedMethods: [
            HttpMethods.GET,
            HttpMethods.PUT,
            HttpMethods.POST,
            HttpMethods.DELETE,
            HttpMethods.HEAD,
          ],
          allowedHeaders: ['*'],
          // The version id of a write, for a browser app that shows or restores versions.
          exposedHeaders: ['ETag', 'x-amz-version-id'],
          maxAge: 3000,
        },
      ],
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'files/',
      removalPolicy,
      autoDeleteObjects,
    });
  }
}
