import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  NotFound,
  type S3Client,
  type ServerSideEncryption,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStorageKey, assertStoragePrefix, type ObjectStorage, StoredObjectMissing } from './object-storage';

export type S3StorageOptions = {
  bucket: string;
  /** Keys are stored under this prefix (no leading or trailing slash), so one bucket can hold several installs. */
  prefix: string;
  client: S3Client;
  /** Server-side encryption asked of the bucket on every upload: AES256 (S3-managed keys) or aws:kms; none for servers that offer none. */
  serverSideEncryption: ServerSideEncryption | null;
};

/** 5 MiB parts, two in flight: an upload of any size holds about 10 MiB. */
const PART_BYTES = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

/**
 * Objects in an S3-compatible bucket (AWS, MinIO, Ceph, R2…) through the AWS SDK v3. Uploads
 * are multipart (lib-storage) in bounded memory; downloads are the response body as a stream.
 */
export function s3Storage({ bucket, prefix, client, serverSideEncryption }: S3StorageOptions): ObjectStorage {
  const objectName = (key: string) => {
    assertStorageKey(key);
    return prefix ? `${prefix}/${key}` : key;
  };
  return {
    kind: 's3',
    async put(key, body) {
      let sizeBytes = 0;
      const counted = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          sizeBytes += chunk.byteLength;
          done(null, chunk);
        },
      });
      const upload = new Upload({
        client,
        params: {
          Bucket: bucket,
          Key: objectName(key),
          Body: counted,
          ContentType: 'application/octet-stream',
          ...(serverSideEncryption ? { ServerSideEncryption: serverSideEncryption } : {}),
        },
        partSize: PART_BYTES,
        queueSize: PARTS_IN_FLIGHT,
        leavePartsOnError: false,
      });
      try {
        await Promise.all([pipeline(body, counted), upload.done()]);
      } catch (error) {
        // A body that failed half-way (a source that broke off) leaves no parts behind in the bucket.
        await upload.abort().catch((abortError: unknown) => console.error('aborting an S3 upload failed', abortError));
        throw error;
      }
      return { sizeBytes };
    },
    async get(key) {
      try {
        const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: objectName(key) }));
        if (!(Body instanceof Readable)) throw new Error('the S3 client did not return a Node stream');
        return Body;
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') throw new StoredObjectMissing(key);
        throw error;
      }
    },
    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: objectName(key) }));
        return true;
      } catch (error) {
        if (error instanceof NotFound || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
          return false;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectName(key) }));
    },
    async *list(folder) {
      assertStoragePrefix(folder);
      const listed = prefix ? `${prefix}/${folder}` : folder;
      let continuationToken: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: listed, ContinuationToken: continuationToken }));
        for (const object of page.Contents ?? [])
          if (object.Key) yield { key: object.Key.slice(listed.length - folder.length), lastModified: object.LastModified ?? new Date(0) };
        continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (continuationToken);
    },
  };
}
