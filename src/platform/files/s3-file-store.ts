// Files in S3-compatible object storage (Scaleway, OVH, Outscale, MinIO, Garage…), path-style addressing,
// requests signed with AWS Signature V4 (aws4fetch). Reads are streamed, never buffered whole.
import { Readable } from 'node:stream';
import { AwsClient } from 'aws4fetch';
import { checkKey, type FileStore } from './file-store.ts';

export interface S3Config {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export function s3FileStore(config: S3Config): FileStore {
  const client = new AwsClient({ accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, region: config.region, service: 's3' });
  const urlOf = (key: string) => `${config.endpoint.replace(/\/$/, '')}/${encodeURIComponent(config.bucket)}/${checkKey(key).split('/').map(encodeURIComponent).join('/')}`;
  const fail = async (what: string, res: Response) => new Error(`stockage S3 : ${what} a échoué (${res.status} ${(await res.text()).slice(0, 200)})`);
  return {
    kind: 's3',
    async put(key, bytes, contentType) {
      const res = await client.fetch(urlOf(key), { method: 'PUT', body: bytes.slice().buffer as ArrayBuffer, headers: { 'content-type': contentType, 'content-length': String(bytes.byteLength) } });
      if (!res.ok) throw await fail(`l’écriture de ${key}`, res);
    },
    async get(key) {
      const res = await client.fetch(urlOf(key), { method: 'GET' });
      if (res.status === 404) return null;
      if (!res.ok || !res.body) throw await fail(`la lecture de ${key}`, res);
      return Readable.fromWeb(res.body as import('node:stream/web').ReadableStream);
    },
    async delete(key) {
      const res = await client.fetch(urlOf(key), { method: 'DELETE' });
      if (!res.ok && res.status !== 404) throw await fail(`la suppression de ${key}`, res);
    },
  };
}
