import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../auth/auth.types';

/** Absolute addresses for mails: PUBLIC_URL, else the address this server listens on. */
@Injectable()
export class Links {
  private listening = 'http://localhost:3000';

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Called by the server once it listens (PUBLIC_URL unset: links point at this port on localhost). */
  setListeningUrl(url: string): void {
    this.listening = url.replace(/\/+$/, '');
  }

  base(): string {
    return this.config.publicUrl ?? this.listening;
  }

  to(path: string, query: Record<string, string> = {}): string {
    const url = new URL(this.base() + path);
    for (const [key, value] of Object.entries(query)) {
      url.searchParams.set(key, value);
    }
    return url.toString();
  }
}
