// Node's ws as an app behind Sockscope's proxy, for tests: https-proxy-agent sends the CONNECT
// (for ws:// and wss:// alike); for wss:// only the CA given is trusted.
// Usage: node proxied_client.js PROXY_PORT URL [CA_FILE]
// Sends a text and a binary message, prints each echo as a JSON line, closes with 1000 and prints
// the close code. Exits 1 on an error.
const fs = require('fs');
const WebSocket = require('ws');
const { HttpsProxyAgent } = require('https-proxy-agent');

const [proxyPort, url, caFile] = process.argv.slice(2);
const agent = new HttpsProxyAgent('http://127.0.0.1:' + proxyPort);
const options = { agent, perMessageDeflate: false };
if (caFile) {
  options.ca = fs.readFileSync(caFile);
}
const ws = new WebSocket(url, options);
const expected = ['text', 'binary'];
ws.on('open', () => ws.send('hello from node'));
ws.on('message', (data, isBinary) => {
  if (isBinary) {
    console.log(JSON.stringify({ base64: Buffer.from(data).toString('base64') }));
  } else {
    console.log(JSON.stringify({ text: data.toString() }));
  }
  expected.shift();
  if (expected.length === 1) {
    ws.send(Buffer.from([0, 1, 2, 255]));
  } else {
    ws.close(1000, 'done');
  }
});
ws.on('close', (code) => {
  console.log(JSON.stringify({ closed: code }));
});
ws.on('error', (err) => {
  console.log(JSON.stringify({ error: String(err.message) }));
  process.exit(1);
});
