// A Node `ws` server for the connect-flood benchmark: each connection gets N text messages of
// SIZE bytes as fast as the socket takes them, then a close 1000. Prints its port on stdout.
// Usage: node flood-server.js N SIZE
const { WebSocketServer } = require('ws');
const n = parseInt(process.argv[2] || '300000', 10);
const size = parseInt(process.argv[3] || '100', 10);
const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
server.on('listening', () => console.log(server.address().port));
server.on('connection', (ws) => {
  let sent = 0;
  const pump = () => {
    while (sent < n) {
      const head = `{"seq":${sent},"t":"tick",`;
      ws.send(head + 'x'.repeat(Math.max(0, size - head.length - 1)) + '}');
      sent++;
      if (ws.bufferedAmount > (8 << 20)) {
        ws._socket.once('drain', pump);
        return;
      }
    }
    ws.close(1000, 'done');
  };
  pump();
});
