// SHA-256 of a byte string, as lowercase hex. Used to tie a findings file to
// the exact text it was made for (`retouche apply` refuses any other text).
#pragma once

#include <string>
#include <string_view>

namespace retouche {

std::string sha256_hex(std::string_view data);

}  // namespace retouche
