'use strict';
// Minimal broadcast server on the ws package: the "Node ws" peer of the benchmarks.
const { WebSocketServer } = require('ws');
const { Channels, handle, port } = require('./channels');

const channels = new Channels();
const members = new Map(); // channel -> Set<WebSocket>
const wss = new WebSocketServer({ host: '127.0.0.1', port: port(), backlog: 4096, perMessageDeflate: false, maxPayload: 64 * 1024 });

wss.on('connection', (ws) => {
  const joined = new Set();
  ws.on('message', (raw, isBinary) => {
    let frame;
    try {
      frame = isBinary ? null : JSON.parse(raw.toString());
    } catch (e) {
      frame = null;
    }
    const out = handle(channels, frame);
    if (out.join) {
      if (!members.has(out.join)) members.set(out.join, new Set());
      members.get(out.join).add(ws);
      joined.add(out.join);
    }
    if (out.leave && members.has(out.leave)) {
      members.get(out.leave).delete(ws);
      joined.delete(out.leave);
    }
    if (out.reply) ws.send(JSON.stringify(out.reply));
    if (out.broadcast) {
      // Serialised once, sent to every member: the usual way to broadcast with ws.
      const text = JSON.stringify(out.broadcast.frame);
      const set = members.get(out.broadcast.channel);
      if (set) for (const m of set) if (m.readyState === 1) m.send(text);
    }
  });
  ws.on('close', () => {
    for (const c of joined) {
      const set = members.get(c);
      if (set) set.delete(ws);
    }
  });
  ws.on('error', () => {});
});
wss.on('listening', () => console.log('ws peer listening on ' + JSON.stringify(wss.address())));
process.on('SIGTERM', () => process.exit(0));
