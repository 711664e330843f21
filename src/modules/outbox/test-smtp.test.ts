import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { startTestSmtp } from './test-smtp.test-support.js';

/** Reads until the server's reply to the last command arrives (a line starting with a code and a space). */
function reply(socket: net.Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (/^\d{3} /m.test(text)) {
        socket.off('data', onData);
        resolve(text);
      }
    };
    socket.on('data', onData);
  });
}

describe('the test mail server', () => {
  it('survives a sender reset mid-transaction, as when the crash test kills an instance while it sends', async () => {
    const smtp = await startTestSmtp();
    try {
      const port = Number(new URL(smtp.url).port);
      const socket = net.connect(port, '127.0.0.1');
      await reply(socket);
      socket.write('EHLO killed.example\r\n');
      await reply(socket);
      socket.write('MAIL FROM:<convene@example.test>\r\n');
      expect(await reply(socket)).toMatch(/^250/m);
      // A TCP RST, as the kernel sends for a SIGKILLed process's open connection.
      const closed = new Promise((resolve) => socket.on('close', resolve));
      socket.resetAndDestroy();
      await closed;
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Still serving, nothing received.
      const next = net.connect(port, '127.0.0.1');
      expect(await reply(next)).toMatch(/^220/m);
      next.destroy();
      expect(smtp.received).toEqual([]);
    } finally {
      await smtp.close();
    }
  });
});
