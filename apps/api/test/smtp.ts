import { EventEmitter, on } from 'node:events';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  /** Raw header lines, e.g. `List-Unsubscribe: <https://...>`. */
  headerLines: string[];
  /** Every http(s) address in the plain-text part. */
  links: string[];
}

/**
 * A real SMTP server in the test process (smtp-server), whose mails are parsed by mailparser as a
 * mail client would: the tracker talks SMTP to it exactly as it would to the partnership's server.
 */
export class TestSmtpServer {
  readonly mails: ReceivedMail[] = [];
  /** Says 'mail' each time one arrives. */
  private readonly arrivals = new EventEmitter();
  private server: SMTPServer | null = null;
  port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.mails.push(toReceived(parsed));
            this.arrivals.emit('mail');
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(0, '127.0.0.1', () => resolve());
    });
    const address = this.server.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    return this;
  }

  /** Waits until `count` mails match, then returns them (throws after `timeout` ms with what arrived). */
  async waitFor(match: (mail: ReceivedMail) => boolean, count = 1, timeout = 20_000): Promise<ReceivedMail[]> {
    const found = () => this.mails.filter(match);
    if (found().length >= count) {
      return found();
    }
    // Checked again as each mail arrives, until enough match or the time is up.
    const signal = AbortSignal.timeout(timeout);
    try {
      for await (const _ of on(this.arrivals, 'mail', { signal })) {
        if (found().length >= count) {
          return found();
        }
      }
    } catch (error) {
      if (!signal.aborted) {
        throw error;
      }
    }
    throw new Error(`expected ${count} mail(s), got ${found().length}; received: ${this.mails.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ')}`);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** The token of the link in a mail that opens `path`. */
export function tokenOf(mail: ReceivedMail, path: string): string {
  const link = mail.links.find((l) => new URL(l).pathname === path);
  if (!link) {
    throw new Error(`no ${path} link in: ${mail.text}`);
  }
  return new URL(link).searchParams.get('token')!;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  return [value ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? ''));
}

function toReceived(parsed: ParsedMail): ReceivedMail {
  const text = parsed.text ?? '';
  return {
    from: addresses(parsed.from)[0] ?? '',
    to: addresses(parsed.to),
    subject: parsed.subject ?? '',
    text,
    html: typeof parsed.html === 'string' ? parsed.html : '',
    headers: parsed.headers as Map<string, unknown>,
    headerLines: parsed.headerLines.map((h) => h.line.replace(/\r?\n\s+/g, ' ')),
    links: [...text.matchAll(/https?:\/\/[^\s<>]+/g)].map((m) => m[0]),
  };
}
