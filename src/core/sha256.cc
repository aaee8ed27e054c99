// SHA-256 from OpenSSL's libcrypto: it uses the CPU's SHA instructions where
// there are some, and hashing every document with findings (their ids name
// it) cost 3 % of a corpus run with the portable version written here before.
#include "core/sha256.h"

#include <openssl/evp.h>

#include <cstdio>
#include <cstdlib>

namespace retouche {

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr) != 1 || size != 32) {
    // Only an OpenSSL without SHA-256 fails here: nothing can be trusted then.
    std::fputs("retouche: OpenSSL cannot compute SHA-256\n", stderr);
    std::abort();
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out(64, '0');
  for (unsigned int i = 0; i < size; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 15];
  }
  return out;
}

}  // namespace retouche
