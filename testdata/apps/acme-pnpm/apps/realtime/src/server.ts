import { readFileSync } from 'fs';
import { WebSocketServer } from 'ws';

// A standalone websocket fan-out server: no Nest here.
const wss = new WebSocketServer({ port: Number(process.env.WS_PORT ?? 8081) });

wss.on('connection', (socket) => {
  socket.on('message', (raw) => {
    const motd = readFileSync('/etc/acme/motd.txt', 'utf8');
    socket.send(`${motd}\n${raw.toString()}`);
  });
});

process.on('SIGTERM', () => {
  wss.close();
  process.exit(0);
});
