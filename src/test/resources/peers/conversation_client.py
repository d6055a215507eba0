#!/usr/bin/python3
"""python3-websockets as the app of the replay tests' conversation.

Usage: conversation_client.py URL ORDER
ORDER is "recorded" (login, price, binary, bye: as the recording has them) or "shuffled" (price,
then login, then bye; every JSON message carries a fresh "nonce", a volatile field).
It offers the subprotocol feed.v1, waits for the welcome, then sends each message and waits for
its answers (counts per message below) before the next. Prints every message received as one JSON
line ({"text": ...} or {"hex": ...}), then {"closed": code}. Exits 1 on an error or a missing answer.
"""
import asyncio
import json
import sys
import uuid

import websockets

ANSWERS = {"login": 1, "price": 2, "binary": 1, "bye": 1}


def message(kind, shuffled):
    nonce = {"nonce": str(uuid.uuid4())} if shuffled else {}
    if kind == "login":
        return json.dumps({"op": "login", "user": "qa", **nonce})
    if kind == "price":
        return json.dumps({**nonce, "sym": "ACME", "op": "price"})
    if kind == "binary":
        return bytes([1, 2, 3, 255])
    return "bye"


def show(received):
    if isinstance(received, bytes):
        print(json.dumps({"hex": received.hex()}), flush=True)
    else:
        print(json.dumps({"text": received}), flush=True)


async def main(url, order):
    kinds = ["login", "price", "binary", "bye"] if order == "recorded" else ["price", "login", "bye"]
    async with websockets.connect(url, subprotocols=["feed.v1"], ping_interval=None, compression=None) as ws:
        show(await asyncio.wait_for(ws.recv(), 10))
        for kind in kinds:
            await ws.send(message(kind, order != "recorded"))
            for _ in range(ANSWERS[kind]):
                show(await asyncio.wait_for(ws.recv(), 10))
        try:
            await asyncio.wait_for(ws.recv(), 10)
        except websockets.exceptions.ConnectionClosed:
            pass
        print(json.dumps({"closed": ws.close_code, "subprotocol": ws.subprotocol}), flush=True)


asyncio.run(main(sys.argv[1], sys.argv[2]))
