import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** An attachment read back from a received message. */
export interface ReceivedAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  attachments: ReceivedAttachment[];
  raw: string;
}

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  /** Resolves once `n` messages have arrived (or rejects after `timeoutMs`). */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

function decode(body: string, encoding: string): Buffer {
  const e = encoding.toLowerCase();
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64');
  if (e === 'quoted-printable') {
    const soft = body.replace(/=\r?\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < soft.length; i += 1) {
      const ch = soft[i]!;
      if (ch === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
        bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(...Buffer.from(ch, 'utf8'));
    }
    return Buffer.from(bytes);
  }
  return Buffer.from(body, 'utf8');
}

function headersOf(block: string): Map<string, string> {
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  const map = new Map<string, string>();
  for (const line of unfolded.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) map.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return map;
}

function param(header: string | undefined, name: string): string | null {
  const m = new RegExp(`${name}\\*?="?([^";]+)"?`, 'i').exec(header ?? '');
  return m?.[1] ?? null;
}

/** A small MIME reader: enough for what nodemailer writes (one level of multipart/mixed). */
export function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = headersOf(raw.slice(0, split));
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const boundary = param(headers.get('content-type'), 'boundary');
  const mail: ReceivedMail = { to, subject: headers.get('subject') ?? '', text: '', attachments: [], raw };
  if (!boundary) {
    mail.text = decode(body, headers.get('content-transfer-encoding') ?? '7bit').toString('utf8');
    return mail;
  }
  for (const part of body.split(`--${boundary}`).slice(1)) {
    if (part.startsWith('--')) break;
    const cut = part.search(/\r?\n\r?\n/);
    const h = headersOf(part.slice(0, cut));
    const content = decode(part.slice(cut).replace(/^\r?\n\r?\n/, '').replace(/\r?\n$/, ''), h.get('content-transfer-encoding') ?? '7bit');
    const filename = param(h.get('content-disposition'), 'filename') ?? param(h.get('content-type'), 'name');
    if (filename) mail.attachments.push({ filename, contentType: (h.get('content-type') ?? '').split(';')[0] ?? '', content });
    else if ((h.get('content-type') ?? '').startsWith('text/plain')) mail.text = content.toString('utf8');
  }
  return mail;
}

/** A real SMTP server on a free local port that keeps what it receives; `reject` refuses matching recipients. */
export async function startTestSmtp(options: { reject?: RegExp } = {}): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // A reverse DNS lookup per connection would dominate tests and benches.
    disableReverseLookup: true,
    onRcptTo(address, _session, callback) {
      if (options.reject?.test(address.address)) return callback(new Error('550 mailbox unavailable (test)'));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push(parseMail(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map((r) => r.address)));
        for (const w of waiters.splice(0)) w();
        callback();
      });
    },
  });
  // A sender killed mid-message (the two-instance crash test SIGKILLs one) resets its connection inside a transaction;
  // smtp-server emits that as an 'error' event, which with no listener would be an unhandled error in the test run.
  // The message was not received, which is what the tests check; the reset itself is expected.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitFor: async (n, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} messages, ${received.length} arrived`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
