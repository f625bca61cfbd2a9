import { extname } from 'node:path';

/**
 * What every showroom page may load, in both shells: its own scripts, styles and
 * pictures, nothing inline, nothing framed, no plugins.
 */
export const SHOWROOM_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

export function contentTypeOf(path: string): string {
  return STATIC_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}
