#!/usr/bin/python3
"""A real third-party WebSocket peer for tests: python3-websockets (Debian) echo server.

Usage: echo_server.py [--cert CERT --key KEY]
Prints "PORT <n>" on stdout once listening on 127.0.0.1 (port chosen by the OS), then serves
until stdin closes or it is killed. Echoes text and binary; replies "subprotocol:<p>" to the
text "whoami-subprotocol"; closes with 4001 "bye" on the text "close-me".
"""
import argparse
import asyncio
import ssl
import sys

import websockets


async def echo(ws, path=None):
    async for message in ws:
        if message == "close-me":
            await ws.close(code=4001, reason="bye")
            return
        if message == "whoami-subprotocol":
            await ws.send("subprotocol:" + str(ws.subprotocol))
            continue
        await ws.send(message)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cert")
    parser.add_argument("--key")
    args = parser.parse_args()
    context = None
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
    async with websockets.serve(echo, "127.0.0.1", 0, ssl=context, subprotocols=["chat", "superchat"],
                                ping_interval=None) as server:
        port = server.sockets[0].getsockname()[1]
        print("PORT", port, flush=True)
        loop = asyncio.get_running_loop()
        # Stop when the test closes our stdin (or dies), so no server outlives its test.
        await loop.run_in_executor(None, sys.stdin.read)


asyncio.run(main())
