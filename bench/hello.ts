// The reference: a bare node:http hello-world, started in the same run as Relais to compute a ratio.
import http from 'node:http';

const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('Hello, world');
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`PORT=${typeof address === 'object' && address ? address.port : 0}`);
});
