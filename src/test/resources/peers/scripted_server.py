#!/usr/bin/python3
"""A real third-party WebSocket server for replay tests: python3-websockets (Debian) playing a small
scripted conversation, as a trading feed might.

Usage: scripted_server.py [--changed]
Prints "PORT <n>" once listening on 127.0.0.1, then serves until stdin closes.
On connect it sends a welcome with a fresh "id" and "ts" (volatile fields). Then, per client message:
  {"op":"login","user":U}      -> {"type":"login-ok","user":U,"id":<fresh>}
  {"op":"price","sym":S}       -> {"type":"price","sym":S,"quote":{"bid":10,"ask":11},"ts":<now>}
                                  then {"type":"tick","n":1}
  binary bytes                 -> the bytes reversed
  "bye"                        -> "goodbye", then a close with 1000 "done"
With --changed the ask is 12 and the tick is never sent: what a regression looks like.
"""
import argparse
import asyncio
import json
import sys
import time
import uuid

import websockets

CHANGED = False


async def conversation(ws, path=None):
    await ws.send(json.dumps({"type": "welcome", "id": str(uuid.uuid4()), "ts": time.time(),
                              "server": {"name": "feed", "version": "1.0"}}))
    async for message in ws:
        if isinstance(message, bytes):
            await ws.send(message[::-1])
            continue
        if message == "bye":
            await ws.send("goodbye")
            await ws.close(code=1000, reason="done")
            return
        request = json.loads(message)
        if request.get("op") == "login":
            await ws.send(json.dumps({"type": "login-ok", "user": request.get("user"), "id": str(uuid.uuid4())}))
        elif request.get("op") == "price":
            await ws.send(json.dumps({"ts": time.time(), "type": "price", "sym": request.get("sym"),
                                      "quote": {"bid": 10, "ask": 12 if CHANGED else 11}}))
            if not CHANGED:
                await ws.send(json.dumps({"type": "tick", "n": 1}))


async def main():
    global CHANGED
    parser = argparse.ArgumentParser()
    parser.add_argument("--changed", action="store_true")
    CHANGED = parser.parse_args().changed
    async with websockets.serve(conversation, "127.0.0.1", 0, subprotocols=["feed.v1"], ping_interval=None) as server:
        print("PORT", server.sockets[0].getsockname()[1], flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)


asyncio.run(main())
