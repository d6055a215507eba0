#!/usr/bin/python3
"""python3-websockets (Debian) as an app behind Sockscope's proxy, for tests.

websockets 10 has no proxy support, so the CONNECT is made here and the library runs over that
socket (with TLS for wss://, trusting only --cafile).
Usage: proxied_client.py PROXY_PORT URL [--cafile CA]
Sends a text and a binary message, prints each echo and the negotiated extensions as JSON lines,
closes with 1000 and prints the close code. Exits 1 when the proxy refuses the CONNECT.
"""
import argparse
import asyncio
import base64
import json
import socket
import ssl
import sys
import urllib.parse

import websockets


def tunnel(proxy_port, host, port):
    sock = socket.create_connection(("127.0.0.1", proxy_port))
    sock.sendall(("CONNECT %s:%d HTTP/1.1\r\nHost: %s:%d\r\n\r\n" % (host, port, host, port)).encode())
    head = b""
    while not head.endswith(b"\r\n\r\n"):
        byte = sock.recv(1)
        if not byte:
            break
        head += byte
    if not head.startswith(b"HTTP/1.1 200"):
        print(json.dumps({"error": head.decode("latin-1")}), flush=True)
        sys.exit(1)
    return sock


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("proxy_port", type=int)
    parser.add_argument("url")
    parser.add_argument("--cafile")
    args = parser.parse_args()
    parts = urllib.parse.urlsplit(args.url)
    secure = parts.scheme == "wss"
    port = parts.port or (443 if secure else 80)
    sock = tunnel(args.proxy_port, parts.hostname, port)
    context = ssl.create_default_context(cafile=args.cafile) if secure else None
    async with websockets.connect(args.url, sock=sock, ssl=context, server_hostname=parts.hostname if secure else None,
                                  ping_interval=None) as ws:
        await ws.send("hello through the proxy")
        print(json.dumps({"text": await ws.recv()}), flush=True)
        await ws.send(b"\x00\x01\x02\xff")
        echoed = await ws.recv()
        print(json.dumps({"base64": base64.b64encode(echoed).decode()}), flush=True)
        print(json.dumps({"extensions": [e.name for e in ws.extensions]}), flush=True)
    print(json.dumps({"closed": ws.close_code}), flush=True)


asyncio.run(main())
