#include "services/common/text.h"

#include <cstdint>

#include "absl/strings/str_cat.h"

namespace ogi {
namespace {

// Decodes the code point starting at text[*pos] and advances *pos. Returns -1
// (advancing one byte) on a malformed sequence.
int32_t NextCodePoint(absl::string_view text, size_t* pos) {
  const auto byte = [&](size_t i) {
    return static_cast<unsigned char>(text[i]);
  };
  const unsigned char lead = byte(*pos);
  int length = 0;
  int32_t cp = 0;
  if (lead < 0x80) {
    ++*pos;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2;
    cp = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    cp = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    cp = lead & 0x07;
  } else {
    ++*pos;
    return -1;
  }
  if (*pos + length > text.size()) {
    ++*pos;
    return -1;
  }
  for (int i = 1; i < length; ++i) {
    const unsigned char c = byte(*pos + i);
    if ((c & 0xC0) != 0x80) {
      ++*pos;
      return -1;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  // Reject overlong forms, surrogates and values past U+10FFFF.
  static constexpr int32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinForLength[length] || (cp >= 0xD800 && cp <= 0xDFFF) ||
      cp > 0x10FFFF) {
    ++*pos;
    return -1;
  }
  *pos += length;
  return cp;
}

bool IsWide(int32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) ||    // Hangul Jamo
         (cp >= 0x2E80 && cp <= 0x303E) ||    // CJK radicals, punctuation
         (cp >= 0x3041 && cp <= 0x33FF) ||    // kana, CJK compatibility
         (cp >= 0x3400 && cp <= 0x4DBF) ||    // CJK extension A
         (cp >= 0x4E00 && cp <= 0x9FFF) ||    // CJK unified ideographs
         (cp >= 0xA000 && cp <= 0xA4CF) ||    // Yi
         (cp >= 0xAC00 && cp <= 0xD7A3) ||    // Hangul syllables
         (cp >= 0xF900 && cp <= 0xFAFF) ||    // CJK compatibility ideographs
         (cp >= 0xFE30 && cp <= 0xFE4F) ||    // CJK compatibility forms
         (cp >= 0xFF00 && cp <= 0xFF60) ||    // fullwidth forms
         (cp >= 0xFFE0 && cp <= 0xFFE6) ||    // fullwidth signs
         (cp >= 0x1F300 && cp <= 0x1F64F) ||  // pictographs, emoticons
         (cp >= 0x20000 && cp <= 0x3FFFD);    // CJK extensions B..
}

bool IsControl(int32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

// Unicode White_Space, and the characters of general category Cf (format)
// plus the fillers and blanks that render as nothing.
bool IsInvisibleCodePoint(int32_t cp) {
  if (cp <= 0x20) return true;              // C0 controls and space
  return (cp >= 0x7F && cp <= 0xA0) ||      // DEL, C1 controls, NBSP
         cp == 0xAD ||                      // soft hyphen
         cp == 0x034F ||                    // combining grapheme joiner
         (cp >= 0x0600 && cp <= 0x0605) ||  // Arabic number signs
         cp == 0x061C || cp == 0x06DD || cp == 0x070F || cp == 0x08E2 ||
         (cp >= 0x115F && cp <= 0x1160) ||  // Hangul choseong/jungseong fillers
         cp == 0x1680 ||                    // Ogham space mark
         (cp >= 0x17B4 && cp <= 0x17B5) ||  // Khmer inherent vowels
         (cp >= 0x180B && cp <= 0x180F) ||  // Mongolian selectors, vowel sep.
         (cp >= 0x2000 && cp <= 0x200F) ||  // spaces, ZWSP, ZWNJ, ZWJ, marks
         (cp >= 0x2028 && cp <= 0x202F) ||  // separators, bidi embeddings
         (cp >= 0x205F && cp <= 0x206F) ||  // math space, word joiner, bidi
         cp == 0x2800 ||                    // braille pattern blank
         cp == 0x3000 ||                    // ideographic space
         cp == 0x3164 ||                    // Hangul filler
         (cp >= 0xFE00 && cp <= 0xFE0F) ||  // variation selectors
         cp == 0xFEFF ||                    // zero width no-break space (BOM)
         cp == 0xFFA0 ||                    // halfwidth Hangul filler
         (cp >= 0xFFF0 && cp <= 0xFFFB) ||  // interlinear annotation, etc.
         cp == 0x110BD || cp == 0x110CD ||  // Kaithi number signs
         (cp >= 0x13430 && cp <= 0x1343F) ||  // Egyptian format controls
         (cp >= 0x1BCA0 && cp <= 0x1BCA3) ||  // shorthand format controls
         (cp >= 0x1D173 && cp <= 0x1D17A) ||  // musical format controls
         (cp >= 0xE0000 && cp <= 0xE0FFF);    // tags, variation selectors
}

bool IsCombining(int32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
         (cp >= 0xFE00 && cp <= 0xFE0F);
}

}  // namespace

size_t Utf8Length(absl::string_view text) {
  size_t count = 0;
  for (size_t pos = 0; pos < text.size();) {
    NextCodePoint(text, &pos);
    ++count;
  }
  return count;
}

bool IsValidUtf8(absl::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    if (NextCodePoint(text, &pos) < 0) return false;
  }
  return true;
}

bool HasControlCharacter(absl::string_view text, absl::string_view allowed) {
  for (size_t pos = 0; pos < text.size();) {
    const int32_t cp = NextCodePoint(text, &pos);
    if (cp < 0 || !IsControl(cp)) continue;
    if (cp < 0x80 &&
        allowed.find(static_cast<char>(cp)) != absl::string_view::npos) {
      continue;
    }
    return true;
  }
  return false;
}

bool IsInvisible(absl::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    const int32_t cp = NextCodePoint(text, &pos);
    if (cp < 0 || !IsInvisibleCodePoint(cp)) return false;
  }
  return true;
}

absl::string_view Utf8Prefix(absl::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return text.substr(0, cut);
}

std::string QuoteForMessage(absl::string_view text, size_t max_chars) {
  size_t pos = 0;
  size_t kept = 0;
  while (pos < text.size() && kept < max_chars) {
    NextCodePoint(text, &pos);
    ++kept;
  }
  if (pos >= text.size()) return absl::StrCat("\"", text, "\"");
  return absl::StrCat("\"", text.substr(0, pos), "…\"（共 ", Utf8Length(text),
                      " 个字符）");
}

size_t DisplayWidth(absl::string_view text) {
  size_t width = 0;
  for (size_t pos = 0; pos < text.size();) {
    const int32_t cp = NextCodePoint(text, &pos);
    if (cp < 0) {
      ++width;
    } else if (IsCombining(cp)) {
      continue;
    } else {
      width += IsWide(cp) ? 2 : 1;
    }
  }
  return width;
}

std::string PadToWidth(absl::string_view text, size_t width) {
  std::string out(text);
  const size_t have = DisplayWidth(text);
  if (have < width) out.append(width - have, ' ');
  return out;
}

std::string TruncateToWidth(absl::string_view text, size_t width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  if (width == 0) return "";
  std::string out;
  size_t used = 0;
  for (size_t pos = 0; pos < text.size();) {
    const size_t start = pos;
    const int32_t cp = NextCodePoint(text, &pos);
    const size_t w = cp < 0 ? 1 : IsCombining(cp) ? 0 : IsWide(cp) ? 2 : 1;
    if (used + w > width - 1) break;  // keep one column for the ellipsis
    out.append(text.data() + start, pos - start);
    used += w;
  }
  out.append("…");
  return out;
}

}  // namespace ogi
