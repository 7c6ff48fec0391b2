/** A decrypted document (identity evidence, a correction's proof) as a download: never cached, never sniffed, an ASCII-only name. */
export function decryptedFileResponse(file: { fileName: string; contentType: string; bytes: Buffer }): Response {
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_')}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
