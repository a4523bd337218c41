// A small HTTP load generator, run in its own process so that it does not share the server's event loop:
// N keep-alive connections send GET requests back to back for a fixed time; prints JSON { requests, seconds, rps, errors, p50, p95 }.
import http from 'node:http';

const [url, connectionsArg, secondsArg, encoding] = process.argv.slice(2);
const target = new URL(url!);
const connections = Number(connectionsArg ?? 32);
const seconds = Number(secondsArg ?? 5);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const latencies: number[] = [];
let errors = 0;
const deadline = performance.now() + seconds * 1000;

function once(): Promise<void> {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.get(
      { host: target.hostname, port: target.port, path: target.pathname, agent, headers: encoding ? { 'accept-encoding': encoding } : {} },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => {
          if (res.statusCode !== 200) errors++;
          latencies.push(performance.now() - started);
          resolve();
        });
      },
    );
    req.on('error', () => {
      errors++;
      resolve();
    });
  });
}

async function worker(): Promise<void> {
  while (performance.now() < deadline) await once();
}

const t0 = performance.now();
await Promise.all(Array.from({ length: connections }, worker));
const elapsed = (performance.now() - t0) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
console.log(JSON.stringify({ requests: latencies.length, seconds: elapsed, rps: latencies.length / elapsed, errors, p50: pct(50), p95: pct(95) }));
agent.destroy();
