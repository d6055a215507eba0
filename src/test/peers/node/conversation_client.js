// Node's ws as the app of the replay tests' conversation (see conversation_client.py: same
// messages, same output, one JSON line per message received, then {"closed": code}).
// Usage: node conversation_client.js URL ORDER [CA_FILE]
const fs = require('fs');
const crypto = require('crypto');
const WebSocket = require('ws');

const [url, order, caFile] = process.argv.slice(2);
const answers = { login: 1, price: 2, binary: 1, bye: 1 };
const kinds = order === 'recorded' ? ['login', 'price', 'binary', 'bye'] : ['price', 'login', 'bye'];
const shuffled = order !== 'recorded';

function message(kind) {
  const nonce = shuffled ? { nonce: crypto.randomUUID() } : {};
  if (kind === 'login') return JSON.stringify({ op: 'login', user: 'qa', ...nonce });
  if (kind === 'price') return JSON.stringify({ ...nonce, sym: 'ACME', op: 'price' });
  if (kind === 'binary') return Buffer.from([1, 2, 3, 255]);
  return 'bye';
}

const options = { perMessageDeflate: false };
if (caFile) options.ca = fs.readFileSync(caFile);
const ws = new WebSocket(url, ['feed.v1'], options);
let waiting = 1; // the welcome
const timer = setTimeout(() => { console.log(JSON.stringify({ error: 'timed out' })); process.exit(1); }, 15000);
ws.on('message', (data, isBinary) => {
  console.log(JSON.stringify(isBinary ? { hex: Buffer.from(data).toString('hex') } : { text: data.toString() }));
  waiting--;
  if (waiting === 0 && kinds.length > 0) {
    const kind = kinds.shift();
    waiting = answers[kind];
    ws.send(message(kind));
  }
});
ws.on('close', (code) => {
  clearTimeout(timer);
  console.log(JSON.stringify({ closed: code, subprotocol: ws.protocol }));
});
ws.on('error', (err) => {
  console.log(JSON.stringify({ error: String(err.message) }));
  process.exit(1);
});
