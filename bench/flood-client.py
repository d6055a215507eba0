"""The baseline client of the connect-flood benchmark: python3-websockets receiving until the
server closes, counting messages (no printing). Usage: python3 flood-client.py URL"""
import asyncio
import sys

import websockets


async def main(url):
    count = 0
    async with websockets.connect(url, max_size=None, compression=None) as ws:
        try:
            async for _ in ws:
                count += 1
        except websockets.ConnectionClosed:
            pass
    print(count)


asyncio.run(main(sys.argv[1]))
