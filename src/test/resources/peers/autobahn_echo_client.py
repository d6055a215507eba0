#!/usr/bin/python3
"""python3-websockets (Debian) as the echoing client of the Autobahn relay role, for tests.

Reads one ws:// URL per line on stdin; for each, connects, sends every message back as it came
(text as text, binary as binary) until the connection ends, then prints "done" and takes the
next URL. Messages of any size are accepted (max_size=None), as the limits cases need. A line
"URL deflate" offers permessage-deflate with the library's default offer; otherwise none.
"""
import asyncio
import sys

import websockets


async def echo(url, compression):
    try:
        async with websockets.connect(url, max_size=None, ping_interval=None, close_timeout=2,
                                      compression=compression) as ws:
            async for message in ws:
                await ws.send(message)
    except Exception:  # the case decides what a failed connection means; the client just goes on
        pass
    print("done", flush=True)


async def main():
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            return
        words = line.split()
        await echo(words[0], "deflate" if words[1:] == ["deflate"] else None)


asyncio.run(main())
