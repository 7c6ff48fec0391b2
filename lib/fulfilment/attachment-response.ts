import type { AttachmentDownload } from './download-requester-attachment';

/**
 * The HTTP response for a file download: always a download (never rendered
 * inline, so an uploaded HTML file cannot run on our origin), never cached
 * (the bytes are personal data), with the name encoded per RFC 6266.
 */
export function attachmentResponse(download: AttachmentDownload): Response {
  const asciiName = download.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new Response(download.body, {
    headers: {
      'Content-Type': download.contentType,
      'Content-Length': String(download.sizeBytes),
      'Content-Disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(download.fileName)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
