/**
 * A tailoring record in a page address: JSON, deflated (CompressionStream "deflate-raw", in every
 * current browser and in Node), then base64url. Decoding gives the parsed JSON, still to be read
 * with readTailoring; anything that is not such a string is refused with a message.
 */
async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

const toBase64Url = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const fromBase64Url = (s: string) =>
  Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

export async function encodeTailoring(record: unknown): Promise<string> {
  return toBase64Url(
    await pipe(new TextEncoder().encode(JSON.stringify(record)), new CompressionStream('deflate-raw')),
  );
}

export async function decodeTailoring(text: string): Promise<{ data: unknown } | { error: string }> {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(text))
      return { error: 'the link is not a tailoring (it holds characters a tailoring link never has)' };
    const json = new TextDecoder().decode(await pipe(fromBase64Url(text), new DecompressionStream('deflate-raw')));
    return { data: JSON.parse(json) };
  } catch {
    return { error: 'the link is damaged (it does not unpack to a tailoring record); it may have been cut short' };
  }
}
