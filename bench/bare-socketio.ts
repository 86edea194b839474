/**
 * The baseline of `npm run bench:realtime`: a bare Socket.IO server with no authentication, rooms,
 * database or bus. `POST /emit` broadcasts its body to every connected client as `event`.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const server = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/emit') {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      io.emit('event', JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(204).end();
    });
    return;
  }
  res.writeHead(req.url === '/ready' ? 200 : 404).end();
});
const io = new Server(server, { serveClient: false });
server.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => {
  io.close();
  process.exit(0);
});
