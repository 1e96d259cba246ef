// Run by dev.flagon.codec.JoseInteropTest: an independent JOSE implementation (the jose package) and Node's
// own HKDF against Flagon's encrypted sessions. Reads one JSON request on stdin, writes one JSON answer.
import { compactDecrypt, CompactEncrypt } from 'jose';
import { createHash, hkdfSync } from 'node:crypto';

const input = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
}));

// RFC 5869 HKDF-SHA256, no salt, info "flagon-session-v1:" + cookie name: the key Flagon derives.
const key = new Uint8Array(hkdfSync('sha256', Buffer.from(input.secret, 'utf8'), Buffer.alloc(0),
  Buffer.from('flagon-session-v1:' + input.cookieName, 'utf8'), 32));
const kid = createHash('sha256').update(key).digest().subarray(0, 8).toString('base64url');

const { plaintext, protectedHeader } = await compactDecrypt(input.flagonToken, key);

const token = await new CompactEncrypt(new TextEncoder().encode(input.json))
  .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid, iat: input.iat, exp: input.exp })
  .encrypt(key);

process.stdout.write(JSON.stringify({
  kid,
  decrypted: new TextDecoder().decode(plaintext),
  header: protectedHeader,
  joseToken: token,
}));
