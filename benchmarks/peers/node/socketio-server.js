'use strict';
// Broadcast server on Socket.IO: the "Socket.IO" peer of the benchmarks. Frames travel as the
// event "frame" (Engine.IO v4 websocket transport, "42[\"frame\",{...}]"), with the same content
// as the plain WebSocket protocol; rooms are Socket.IO rooms.
const http = require('http');
const { Server } = require('socket.io');
const { Channels, handle, port } = require('./channels');

const channels = new Channels();
const server = http.createServer();
const io = new Server(server, { transports: ['websocket'], perMessageDeflate: false, maxHttpBufferSize: 64 * 1024, serveClient: false });

io.on('connection', (socket) => {
  socket.on('frame', (frame) => {
    const out = handle(channels, frame);
    if (out.join) socket.join(out.join);
    if (out.leave) socket.leave(out.leave);
    if (out.reply) socket.emit('frame', out.reply);
    if (out.broadcast) io.to(out.broadcast.channel).emit('frame', out.broadcast.frame);
  });
});
server.listen({ host: '127.0.0.1', port: port(), backlog: 4096 }, () =>
  console.log('socket.io peer listening on ' + JSON.stringify(server.address())));
process.on('SIGTERM', () => process.exit(0));
