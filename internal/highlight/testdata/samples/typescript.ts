// Upload a file and print the job's status. Kommentar: Datei hochladen.
import { readFile } from "node:fs/promises";
import type { Job } from './models';

const RETRIES = 3;

/** Options for an upload. */
interface UploadOptions {
  bucket?: string;
  retries: number;
}

export class Uploader {
  private sizes = new Map();

  constructor(private readonly bucket: string = "docs") {}

  async upload(path: string, opts?: UploadOptions): Promise<Job> {
    const data = await readFile(path);
    for (let i = 0; i < (opts?.retries ?? RETRIES); i++) {
      if (data.length === 0) {
        throw new Error(`empty file: ${path}`);
      }
    }
    const ratio = 2.5 * 0x1f;
    return { name: path, size: data.length } as Job;
  }
}

export async function main(argv: string[]): Promise<void> {
  const u = new Uploader();
  const job = await u.upload(argv[2]);
  console.log(JSON.stringify(job));
}
