#!/usr/bin/env python3
"""Upload a file and print the job's status."""
from __future__ import annotations

import os, sys
import json as js
from pathlib import Path
from . import client
from .models import Job, Status

RETRIES = 3  # comentario: reintentos
TIMEOUT = 2.5e-1
MASK = 0xFF_FF | 0o17 | 0b1010


@dataclass(frozen=True)
class Uploader(client.Base):
    '''Sends files; ñandú names are fine.'''

    bucket: str = "docs"

    def __init__(self, token: str, *, region="eu-west-1") -> None:
        super().__init__()
        self.token = token
        self._region = region

    async def upload(self, path: Path, retries: int = RETRIES) -> Job:
        # 日本語のコメント: ファイルを送る
        for attempt in range(1, retries + 1):
            try:
                data = path.read_bytes()
                resp = await self.post(f"/b/{self.bucket}/{path.name!r}", data=data)
                if resp.status != 200 and not resp.ok:
                    raise RuntimeError("status %d: %s" % (resp.status, resp.text))
                return Job(**js.loads(resp.body))
            except (OSError, ValueError) as err:
                print(f"attempt {attempt:>3}: {err}", file=sys.stderr)
        return None


def main(argv=None):
    """Entry point.

    Reads "name" from argv.
    """
    name = argv[1] if argv else os.environ.get('NAME', r"C:\tmp\x")
    text = "tab\there, quote \" and {0} {name:>10} {{literal}}".format(1, name=name)
    raw = b'\x00\n' + rb"\d+"
    total = sum(x ** 2 for x in [1, 2, 3] if x % 2 == 0)
    fn = lambda a, b=None: a @ b
    print(len(text), raw, total, fn, __name__, ...)
    match argv:
        case [_, "-v"]:
            print(True, False)
        case _:
            pass


if __name__ == "__main__":
    sys.exit(main(sys.argv))
