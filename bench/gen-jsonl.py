"""A JSON Lines export of N ticker messages (about 350 B a line, two connections), as `export --format jsonl`
writes them, for the import benchmark in docs/performance.md. Usage: python3 gen-jsonl.py N OUT"""
import sys, json, datetime
n = int(sys.argv[1]); out = sys.argv[2]
base = datetime.datetime(2026, 11, 30, 12, 0, 0, tzinfo=datetime.timezone.utc)
syms = ["BTC-USD","SOL-USD","ADA-USD","XRP-USD","DOT-USD","AVAX-USD","LINK-USD","ATOM-USD","NEAR-USD","ETH-USD"]
with open(out, "w") as f:
    for i in range(n):
        ts = (base + datetime.timedelta(microseconds=i*100)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        text = '{"type":"ticker","seq":%d,"symbol":"%s","price":%d.%d,"qty":0.015,"id":"%s","pad":"%s"}' % (i, syms[i%10], 60000 + i%9000, i%10, "order-rare" if i % 100000 == 7 else "order-%d" % i, "x"*60)
        f.write(json.dumps({"session":"bench","connection":1 + (i % 4 == 3),"url":"wss://feed.example/ws","direction":"receive" if i%5 else "send","opcode":1,"timestamp":ts,"size":len(text),"text":text}, separators=(",",":")) + "\n")
