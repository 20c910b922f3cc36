#!/usr/bin/env node
'use strict';
// Readiness probes for the local infrastructure, without any npm dependency.
//
//   node infra/probe.cjs kafka 127.0.0.1:9092   a Metadata request lists at least one broker
//   node infra/probe.cjs mongo 127.0.0.1:27017  a {ping: 1} command answers ok: 1
//   node infra/probe.cjs http  http://127.0.0.1:1080/api/healthz   answers 2xx
//
// One attempt, exit code 0 when ready and 1 otherwise (reason on stderr). The caller retries.

const net = require('node:net');
const http = require('node:http');

const TIMEOUT_MS = Number(process.env.PROBE_TIMEOUT_MS || 2000);

function parseHostPort(address) {
  const at = address.lastIndexOf(':');
  if (at < 1) throw new Error(`expected host:port, got "${address}"`);
  return { host: address.slice(0, at), port: Number(address.slice(at + 1)) };
}

/** Sends one request frame and resolves with the first complete response frame. */
function exchange(address, request, frameLength) {
  const { host, port } = parseHostPort(address);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let received = Buffer.alloc(0);
    socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
    socket.on('error', reject);
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      const length = received.length >= 4 ? frameLength(received) : Infinity;
      if (received.length >= length) {
        socket.destroy();
        resolve(received.subarray(0, length));
      }
    });
    socket.on('close', () => reject(new Error('connection closed before a full answer')));
  });
}

function kafkaString(value) {
  const bytes = Buffer.from(value, 'utf8');
  const length = Buffer.alloc(2);
  length.writeInt16BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** Metadata v4 (supported by Kafka 1.0 up to 4.x) for all topics; ready once a broker is listed. */
async function probeKafka(address) {
  const header = Buffer.alloc(8);
  header.writeInt16BE(3, 0); // api key: Metadata
  header.writeInt16BE(4, 2); // api version
  header.writeInt32BE(7, 4); // correlation id
  const body = Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00]); // topics: null (= all), no auto-create
  const payload = Buffer.concat([header, kafkaString('infra-probe'), body]);
  const size = Buffer.alloc(4);
  size.writeInt32BE(payload.length);

  const frame = await exchange(address, Buffer.concat([size, payload]), (b) => 4 + b.readInt32BE(0));
  const correlationId = frame.readInt32BE(4);
  if (correlationId !== 7) throw new Error(`unexpected correlation id ${correlationId}`);
  const brokers = frame.readInt32BE(12); // after size, correlation id, throttle time
  if (brokers < 1) throw new Error('metadata lists no broker yet');
  return `${brokers} broker(s)`;
}

function bsonPing() {
  const parts = [
    Buffer.from([0x10]),
    Buffer.from('ping\0'),
    int32(1),
    Buffer.from([0x02]),
    Buffer.from('$db\0'),
    int32(6),
    Buffer.from('admin\0'),
    Buffer.from([0x00]),
  ];
  const content = Buffer.concat(parts);
  return Buffer.concat([int32(content.length + 4), content]);
}

function int32(value) {
  const b = Buffer.alloc(4);
  b.writeInt32LE(value);
  return b;
}

/** Reads the numeric top-level field "ok" of a BSON document. */
function bsonOk(doc) {
  const sizes = { 0x01: 8, 0x07: 12, 0x08: 1, 0x09: 8, 0x0a: 0, 0x10: 4, 0x11: 8, 0x12: 8 };
  let at = 4;
  while (at < doc.length - 1) {
    const type = doc[at];
    const nameEnd = doc.indexOf(0, at + 1);
    const name = doc.toString('utf8', at + 1, nameEnd);
    at = nameEnd + 1;
    if (name === 'ok') {
      if (type === 0x01) return doc.readDoubleLE(at);
      if (type === 0x10) return doc.readInt32LE(at);
      return NaN;
    }
    if (type in sizes) at += sizes[type];
    else if (type === 0x02 || type === 0x0d || type === 0x0e) at += 4 + doc.readInt32LE(at);
    else if (type === 0x03 || type === 0x04) at += doc.readInt32LE(at);
    else if (type === 0x05) at += 5 + doc.readInt32LE(at);
    else throw new Error(`cannot skip BSON type ${type} in the answer`);
  }
  return NaN;
}

/** OP_MSG {ping: 1, $db: "admin"}; ready when the answer says ok: 1. */
async function probeMongo(address) {
  const doc = bsonPing();
  const header = Buffer.alloc(16);
  header.writeInt32LE(16 + 4 + 1 + doc.length, 0); // message length
  header.writeInt32LE(1, 4); // request id
  header.writeInt32LE(0, 8); // response to
  header.writeInt32LE(2013, 12); // opcode: OP_MSG
  const request = Buffer.concat([header, int32(0), Buffer.from([0x00]), doc]);

  const frame = await exchange(address, request, (b) => b.readInt32LE(0));
  if (frame.readInt32LE(12) !== 2013) throw new Error(`unexpected opcode ${frame.readInt32LE(12)}`);
  const ok = bsonOk(frame.subarray(21)); // header 16 + flag bits 4 + section kind 1
  if (ok !== 1) throw new Error(`ping answered ok: ${ok}`);
  return 'ping ok';
}

function probeHttp(url) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { timeout: TIMEOUT_MS }, (response) => {
      response.resume();
      const status = response.statusCode || 0;
      if (status >= 200 && status < 300) resolve(`HTTP ${status}`);
      else reject(new Error(`HTTP ${status}`));
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
    request.on('error', reject);
  });
}

const probes = { kafka: probeKafka, mongo: probeMongo, http: probeHttp };
const [kind, target] = process.argv.slice(2);

if (!probes[kind] || !target) {
  process.stderr.write('usage: probe.cjs kafka|mongo|http <host:port | url>\n');
  process.exit(2);
}
probes[kind](target).then(
  (detail) => {
    process.stdout.write(`${kind} ${target}: ${detail}\n`);
  },
  (error) => {
    process.stderr.write(`${kind} ${target}: ${error.message}\n`);
    process.exitCode = 1;
  },
);
