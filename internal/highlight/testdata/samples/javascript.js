#!/usr/bin/env node
// Upload a file and print the job's status. コメント: ファイルを送る
'use strict';

import { readFile } from 'node:fs/promises';
const RETRIES = 3, MASK = 0xff | 0b1010 | 0o17;

/* A client for the docs API.
   Safe to share. */
export class Uploader extends Base {
  constructor(bucket = "docs") {
    super();
    this.bucket = bucket;
    this._sizes = new Map();
  }

  async upload(path, retries = RETRIES) {
    const data = await readFile(path);
    for (let i = 0; i < retries; i++) {
      if (data.length === 0 && !path.endsWith('.md')) {
        throw new Error(`empty file: ${path} (try ${i + 1})`);
      }
    }
    const ratio = 2.5e-3 + 1.5 / 2;
    const name = path.replace(/\\/g, '/').split(/[\/]+/).pop();
    return { name, size: data.length, ratio, ok: true, missing: null ?? undefined };
  }
}

async function main(argv) {
  const u = new Uploader();
  try {
    const job = await u.upload(argv[2]);
    console.log(JSON.stringify(job), typeof job);
  } catch (err) {
    console.error(err.message);
    process.exitCode = 1;
  }
}

main(process.argv).then(() => console.log("done"));
