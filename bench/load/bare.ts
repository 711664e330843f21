// The ceiling for `npm run load`: a bare Fastify route in its own process, loaded in the same run
// as Convene's pages so each page's figure can be given as a ratio that does not depend on how
// busy the shared machine is at that moment.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => 'ok');
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
process.stdin.on('end', () => void app.close().then(() => process.exit(0)));
process.stdin.resume();
