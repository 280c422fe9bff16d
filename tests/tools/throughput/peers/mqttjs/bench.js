#!/usr/bin/env node
// Benchmark peer: mqtt.js 5 following the tests/tools/throughput contract.
//
//   node bench.js HOST PORT TOPIC N SIZE QOS
//
// Publishes from the event loop, keeping at most a window of publishes whose
// callback has not fired: at QoS 1 the callback means PUBACK received; at
// QoS 0 it means the socket stream accepted the bytes.
'use strict';

const { performance } = require('node:perf_hooks');
const mqtt = require('mqtt');

const CLIENT_NAME = 'mqttjs';
const QOS1_WINDOW = 20; // matches the broker's max_inflight_messages in compare.sh
const QOS0_WINDOW = 1000; // bounds messages waiting for the socket, nothing more
const DEADLINE_MS = 300000;

function parseArgs(argv) {
  if (argv.length !== 6) {
    fail('usage: node bench.js HOST PORT TOPIC N SIZE QOS', 2);
  }
  const [host, port, topic, n, size, qos] = [argv[0], Number(argv[1]), argv[2], Number(argv[3]), Number(argv[4]), Number(argv[5])];
  if (!(n > 0) || !(size >= 0) || (qos !== 0 && qos !== 1)) {
    fail('bench.js: invalid arguments (N>0, SIZE>=0, QOS 0 or 1)', 2);
  }
  return { host, port, topic, n, size, qos };
}

function fail(message, code = 1) {
  process.stderr.write(`${CLIENT_NAME}: ${message}\n`);
  process.exit(code);
}

function epochSeconds() {
  return (performance.timeOrigin + performance.now()) / 1000;
}

function run({ host, port, topic, n, size, qos }) {
  const window = qos === 0 ? QOS0_WINDOW : QOS1_WINDOW;
  const payload = Buffer.alloc(size, 'x');
  const deadline = setTimeout(() => fail(`timed out with ${completed} of ${n} complete`), DEADLINE_MS);
  let sent = 0;
  let completed = 0;
  let pumping = false;
  let finished = false;
  let start = 0n;
  let startEpoch = 0;

  const client = mqtt.connect({
    host,
    port,
    protocol: 'mqtt',
    protocolVersion: 4,
    clean: true,
    clientId: `bench-${CLIENT_NAME}-${process.pid}`,
    keepalive: 60,
    reconnectPeriod: 0,
  });
  client.on('error', (err) => fail(`client error: ${err.message}`));
  client.on('close', () => {
    if (!finished) fail(`connection closed with ${completed} of ${n} complete`);
  });

  const onPublished = (err) => {
    if (err) fail(`publish failed: ${err.message}`);
    completed++;
    if (completed === n) {
      flushThenFinish();
    } else if (!pumping) {
      pump();
    }
  };

  // QoS 0 callbacks can run synchronously inside publish(); the flag keeps
  // them from re-entering this loop.
  function pump() {
    pumping = true;
    while (sent < n && sent - completed < window) {
      sent++;
      client.publish(topic, payload, { qos, retain: false }, onPublished);
    }
    pumping = false;
  }

  // An empty write completes only after every earlier write has been handed
  // to the kernel, so QoS 0 is not declared complete while bytes sit in
  // Node's stream buffer.
  function flushThenFinish() {
    client.stream.write(Buffer.alloc(0), () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      finished = true;
      clearTimeout(deadline);
      process.stdout.write(
        `RESULT client=${CLIENT_NAME} qos=${qos} n=${n} size=${size} seconds=${seconds.toFixed(6)} ` +
        `msgs_per_s=${(n / seconds).toFixed(1)} start_epoch=${startEpoch.toFixed(6)} window=${window}\n`);
      client.end(false, () => process.exit(0));
    });
  }

  client.once('connect', () => {
    // At QoS 0 each publish made while the socket is full waits on 'drain'.
    client.stream.setMaxListeners(window + 10);
    startEpoch = epochSeconds();
    start = process.hrtime.bigint();
    pump();
  });
}

run(parseArgs(process.argv.slice(2)));
