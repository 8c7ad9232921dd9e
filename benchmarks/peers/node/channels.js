'use strict';
// The tiny protocol every peer speaks, so the same load generator drives the peers and the gateway:
// subscribe -> subscribed, publish -> ack + a message frame (carrying the publisher's data, and so its
// timestamp) to every subscriber of the channel, ping -> pong. Anything else gets an error frame.
class Channels {
  constructor() {
    this.seqs = new Map();
  }

  nextSeq(channel) {
    const seq = (this.seqs.get(channel) || 0) + 1;
    this.seqs.set(channel, seq);
    return seq;
  }

  seq(channel) {
    return this.seqs.get(channel) || 0;
  }
}

function error(id, code, message) {
  const frame = { type: 'error', code, message };
  if (id !== undefined) frame.id = id;
  return frame;
}

// Returns what the connection should do with a parsed client frame:
// {reply, join, leave, broadcast: {channel, frame}}; the caller owns the transport.
function handle(channels, frame) {
  if (frame === null || typeof frame !== 'object' || typeof frame.type !== 'string') {
    return { reply: error(undefined, 'bad_request', 'a frame is a JSON object with a type') };
  }
  const id = frame.id;
  switch (frame.type) {
    case 'auth':
      return { reply: { type: 'welcome', connectionId: 'peer', userId: 'peer', heartbeatMs: 25000, protocol: 1 } };
    case 'ping':
      return { reply: { type: 'pong' } };
    case 'subscribe':
      if (typeof frame.channel !== 'string') return { reply: error(id, 'bad_request', 'channel is required') };
      return {
        join: frame.channel,
        reply: { type: 'subscribed', id, channel: frame.channel, seq: channels.seq(frame.channel), recovered: true },
      };
    case 'unsubscribe':
      if (typeof frame.channel !== 'string') return { reply: error(id, 'bad_request', 'channel is required') };
      return { leave: frame.channel, reply: { type: 'ack', id } };
    case 'publish': {
      if (typeof frame.channel !== 'string' || typeof frame.data !== 'object' || frame.data === null) {
        return { reply: error(id, 'bad_request', 'channel and data are required') };
      }
      const seq = channels.nextSeq(frame.channel);
      const messageId = frame.channel + ':' + seq;
      return {
        reply: { type: 'ack', id, channel: frame.channel, seq, messageId },
        broadcast: {
          channel: frame.channel,
          frame: { type: 'message', channel: frame.channel, seq, messageId, from: 'peer', data: frame.data, ts: Date.now() },
        },
      };
    }
    default:
      return { reply: error(id, 'bad_request', 'unknown type') };
  }
}

function port() {
  const p = parseInt(process.argv[2] || process.env.PORT || '0', 10);
  if (!(p > 0 && p < 65536)) {
    console.error('usage: node <server>.js <port>');
    process.exit(2);
  }
  return p;
}

module.exports = { Channels, handle, port };
