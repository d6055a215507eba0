#!/usr/bin/python3
"""python3-websockets (Debian) as an app whose traffic Sockscope's rules change, for tests.

Usage: rules_client.py URL [--cafile CA] [--no-compression] [--send TEXT]... [--quiet-ms N] [--total-ms N]
Connects (straight to a reverse proxy), sends each --send text in order at once, then prints one
JSON line per message received ({"text": ..., "ms": since the first send}) until nothing came for
--quiet-ms (default 1500) or --total-ms passed, closes with 1000, and prints how it ended:
{"closed": code, "reason": reason}. Exits 1 when it cannot connect.
"""
import argparse
import asyncio
import json
import ssl
import sys
import time

import websockets


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--cafile")
    parser.add_argument("--no-compression", action="store_true")
    parser.add_argument("--send", action="append", default=[])
    parser.add_argument("--quiet-ms", type=int, default=1500)
    parser.add_argument("--total-ms", type=int, default=10000)
    args = parser.parse_args()
    context = ssl.create_default_context(cafile=args.cafile) if args.url.startswith("wss:") else None
    try:
        ws = await websockets.connect(args.url, ssl=context, ping_interval=None, close_timeout=2,
                                      compression=None if args.no_compression else "deflate")
    except Exception as e:  # the test reads the line
        print(json.dumps({"error": str(e)}), flush=True)
        sys.exit(1)
    print(json.dumps({"extensions": [e.name for e in ws.extensions]}), flush=True)
    start = time.monotonic()
    for text in args.send:
        await ws.send(text)
    deadline = start + args.total_ms / 1000
    try:
        while time.monotonic() < deadline:
            message = await asyncio.wait_for(ws.recv(), timeout=min(args.quiet_ms / 1000, deadline - time.monotonic()))
            ms = int((time.monotonic() - start) * 1000)
            if isinstance(message, bytes):
                print(json.dumps({"binary": message.hex(), "ms": ms}), flush=True)
            else:
                print(json.dumps({"text": message, "ms": ms}), flush=True)
    except (asyncio.TimeoutError, websockets.ConnectionClosed):
        pass
    await ws.close(1000)
    print(json.dumps({"closed": ws.close_code, "reason": ws.close_reason}), flush=True)


asyncio.run(main())
