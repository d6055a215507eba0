#!/usr/bin/python3
"""python3-websockets (Debian) as a developer's client of a local wss:// endpoint, for tests.

Usage: wss_client.py URL --cafile CA
Trusts only the certificates in CA (never the system's), sends one text message, prints its echo
and then the close code as JSON lines. A refused certificate prints {"error": ...} and exits 1.
"""
import argparse
import asyncio
import json
import ssl
import sys

import websockets


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--cafile", required=True)
    args = parser.parse_args()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.load_verify_locations(cafile=args.cafile)
    try:
        async with websockets.connect(args.url, ssl=context, ping_interval=None) as ws:
            await ws.send("hello over local wss")
            print(json.dumps({"text": await ws.recv()}), flush=True)
        print(json.dumps({"closed": ws.close_code}), flush=True)
    except ssl.SSLError as e:
        print(json.dumps({"error": str(e)}), flush=True)
        sys.exit(1)


asyncio.run(main())
