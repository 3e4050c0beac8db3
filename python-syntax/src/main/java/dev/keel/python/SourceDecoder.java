package dev.keel.python;

import dev.keel.python.source.Comment;
import dev.keel.python.source.SyntaxError;
import dev.keel.python.token.Token;
import dev.keel.python.token.TokenKind;
import dev.keel.python.token.Tokenizer;
import dev.keel.python.token.Tokens;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the bytes of a Python source file into text the way CPython does: a UTF-8 byte order mark,
 * or else a PEP 263 coding cookie on line 1 or 2, chooses the encoding, UTF-8 being the default.
 * Problems are reported in CPython's words and never thrown.
 */
public final class SourceDecoder {
  /** CPython's error for a file with a NUL byte (what {@code python file.py} says). */
  static final String NUL_BYTES = "source code cannot contain null bytes";

  private SourceDecoder() {}

  /** How a Python codec reports bytes it cannot decode. */
  private enum Family {
    UTF8,
    ASCII,
    LATIN1,
    CHARMAP,
    MULTIBYTE,
    WIDE
  }

  private record Codec(String pythonName, String javaName, Family family) {}

  /** Python codec names and aliases (as {@code encodings.normalize_encoding} spells them). */
  private static final Map<String, Codec> CODECS = new HashMap<>();

  static {
    // Python codec name, Java charset, family, aliases (normalised: lower case, '-' and ' ' ->
    // '_'). Python codecs the JDK lacks (hz, utf_7, the JIS X 0213 family, ...) are missing and so
    // reported as unknown encodings.
    String[] table = {
      "utf_8 UTF-8 UTF8 cp65001 u8 utf utf8 utf8_ucs2 utf8_ucs4",
      "ascii US-ASCII ASCII 646 ansi_x3.4_1968 ansi_x3.4_1986 ansi_x3_4_1968 cp367 csascii ibm367"
          + " iso646_us iso_646.irv_1991 iso_ir_6 us us_ascii",
      "latin_1 ISO-8859-1 LATIN1 8859 cp819 csisolatin1 ibm819 iso8859 iso8859_1 iso_8859_1"
          + " iso_8859_1_1987 iso_ir_100 l1 latin latin1",
      "cp1250 windows-1250 CHARMAP 1250 windows_1250",
      "cp1251 windows-1251 CHARMAP 1251 windows_1251",
      "cp1252 windows-1252 CHARMAP 1252 windows_1252",
      "cp1253 windows-1253 CHARMAP 1253 windows_1253",
      "cp1254 windows-1254 CHARMAP 1254 windows_1254",
      "cp1255 windows-1255 CHARMAP 1255 windows_1255",
      "cp1256 windows-1256 CHARMAP 1256 windows_1256",
      "cp1257 windows-1257 CHARMAP 1257 windows_1257",
      "cp1258 windows-1258 CHARMAP 1258 windows_1258",
      "cp437 IBM437 CHARMAP 437 cspc8codepage437 ibm437",
      "cp850 IBM850 CHARMAP 850 cspc850multilingual ibm850",
      "cp852 IBM852 CHARMAP 852 cspcp852 ibm852",
      "cp855 IBM855 CHARMAP 855 csibm855 ibm855",
      "cp857 IBM857 CHARMAP 857 csibm857 ibm857",
      "cp862 IBM862 CHARMAP 862 cspc862latinhebrew ibm862",
      "cp866 IBM866 CHARMAP 866 csibm866 ibm866",
      "cp874 x-IBM874 CHARMAP",
      "cp737 x-IBM737 CHARMAP",
      "cp775 IBM775 CHARMAP 775 cspc775baltic ibm775",
      "cp856 x-IBM856 CHARMAP",
      "cp858 IBM00858 CHARMAP 858 csibm858 ibm858",
      "cp860 IBM860 CHARMAP 860 csibm860 ibm860",
      "cp861 IBM861 CHARMAP 861 cp_is csibm861 ibm861",
      "cp863 IBM863 CHARMAP 863 csibm863 ibm863",
      "cp864 IBM864 CHARMAP 864 csibm864 ibm864",
      "cp865 IBM865 CHARMAP 865 csibm865 ibm865",
      "cp869 IBM869 CHARMAP 869 cp_gr csibm869 ibm869",
      "mac_cyrillic x-MacCyrillic CHARMAP maccyrillic",
      "mac_greek x-MacGreek CHARMAP macgreek",
      "mac_latin2 x-MacCentralEurope CHARMAP mac_centeuro maccentraleurope maclatin2",
      "mac_turkish x-MacTurkish CHARMAP macturkish",
      "mac_iceland x-MacIceland CHARMAP maciceland",
      "mac_croatian x-MacCroatian CHARMAP",
      "mac_romanian x-MacRomania CHARMAP",
      "mac_arabic x-MacArabic CHARMAP",
      "iso8859_11 x-iso-8859-11 CHARMAP iso_8859_11 iso_8859_11_2001 thai",
      "koi8_r KOI8-R CHARMAP cskoi8r",
      "koi8_u KOI8-U CHARMAP",
      "mac_roman x-MacRoman CHARMAP macintosh macroman",
      "iso8859_2 ISO-8859-2 CHARMAP csisolatin2 iso_8859_2 iso_8859_2_1987 iso_ir_101 l2 latin2",
      "iso8859_3 ISO-8859-3 CHARMAP csisolatin3 iso_8859_3 iso_8859_3_1988 iso_ir_109 l3 latin3",
      "iso8859_4 ISO-8859-4 CHARMAP csisolatin4 iso_8859_4 iso_8859_4_1988 iso_ir_110 l4 latin4",
      "iso8859_5 ISO-8859-5 CHARMAP csisolatincyrillic cyrillic iso_8859_5 iso_8859_5_1988"
          + " iso_ir_144",
      "iso8859_6 ISO-8859-6 CHARMAP arabic asmo_708 csisolatinarabic ecma_114 iso_8859_6"
          + " iso_8859_6_1987 iso_ir_127",
      "iso8859_7 ISO-8859-7 CHARMAP csisolatingreek ecma_118 elot_928 greek greek8 iso_8859_7"
          + " iso_8859_7_1987 iso_ir_126",
      "iso8859_8 ISO-8859-8 CHARMAP csisolatinhebrew hebrew iso_8859_8 iso_8859_8_1988 iso_ir_138",
      "iso8859_9 ISO-8859-9 CHARMAP csisolatin5 iso_8859_9 iso_8859_9_1989 iso_ir_148 l5 latin5",
      "iso8859_13 ISO-8859-13 CHARMAP iso_8859_13 l7 latin7",
      "iso8859_15 ISO-8859-15 CHARMAP iso_8859_15 l9 latin9",
      "iso8859_16 ISO-8859-16 CHARMAP iso_8859_16 iso_8859_16_2001 iso_ir_226 l10 latin10",
      "tis_620 TIS-620 CHARMAP iso_ir_166 tis620 tis_620_0 tis_620_2529_0 tis_620_2529_1",
      "euc_jp EUC-JP MULTIBYTE eucjp u_jis ujis",
      "shift_jis Shift_JIS MULTIBYTE csshiftjis s_jis shiftjis sjis x_mac_japanese",
      "cp932 windows-31j MULTIBYTE 932 ms932 ms_kanji mskanji windows_31j",
      "euc_kr EUC-KR MULTIBYTE euckr korean ks_c_5601 ks_c_5601_1987 ks_x_1001 ksc5601 ksx1001"
          + " x_mac_korean",
      "cp949 x-windows-949 MULTIBYTE 949 ms949 uhc",
      "cp950 x-windows-950 MULTIBYTE 950 ms950",
      "gb2312 GB2312 MULTIBYTE chinese csiso58gb231280 euc_cn euccn eucgb2312_cn gb2312_1980"
          + " gb2312_80 iso_ir_58 x_mac_simp_chinese",
      "gbk GBK MULTIBYTE 936 cp936 ms936",
      "gb18030 GB18030 MULTIBYTE gb18030_2000",
      "big5 Big5 MULTIBYTE big5_tw csbig5 x_mac_trad_chinese",
      "big5hkscs Big5-HKSCS MULTIBYTE big5_hkscs hkscs",
      "iso2022_jp ISO-2022-JP MULTIBYTE csiso2022jp iso2022jp iso_2022_jp",
      "iso2022_jp_2 ISO-2022-JP-2 MULTIBYTE iso2022jp_2 iso_2022_jp_2",
      "iso2022_kr ISO-2022-KR MULTIBYTE csiso2022kr iso2022kr iso_2022_kr",
      "johab x-Johab MULTIBYTE cp1361 ms1361",
      "utf_16 UTF-16 WIDE u16 utf16",
      "utf_16_le UTF-16LE WIDE unicodelittleunmarked utf_16le",
      "utf_16_be UTF-16BE WIDE unicodebigunmarked utf_16be",
      "utf_32 UTF-32 WIDE u32 utf32",
      "utf_32_le UTF-32LE WIDE utf_32le",
      "utf_32_be UTF-32BE WIDE utf_32be",
    };
    for (String row : table) {
      String[] f = row.split(" ");
      Family family = Family.valueOf(f[2]);
      Codec codec = new Codec(f[0], f[1], family);
      CODECS.put(f[0], codec);
      for (int i = 3; i < f.length; i++) {
        CODECS.put(f[i], codec);
      }
    }
  }

  /** Decodes {@code bytes}; never throws. */
  public static Decoded decode(byte[] bytes) {
    int start = 0;
    boolean bom = false;
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      bom = true;
      start = 3;
    }
    String cookie = findCookie(bytes, start);
    Codec codec = CODECS.get("utf_8");
    SyntaxError error = null;
    if (cookie != null) {
      String normal = normalName(cookie);
      if (bom && !normal.equals("utf-8")) {
        error = at("encoding problem: " + normal + " with BOM", 0);
      } else {
        Codec found = CODECS.get(pythonKey(normal));
        if (found == null || !Charset.isSupported(found.javaName())) {
          error = at("unknown encoding: " + cookie, 0);
        } else {
          codec = found;
        }
      }
    }
    if (error != null) {
      // Decode as UTF-8 anyway so that later steps still see sensible text.
      return new Decoded(decodeUtf8(bytes, start).text(), Optional.of(error));
    }
    Decoded decoded =
        codec.family() == Family.UTF8 ? decodeUtf8(bytes, start) : decodeOther(bytes, codec);
    if (decoded.error().isEmpty()) {
      int nul = decoded.text().indexOf('\0');
      if (nul >= 0) {
        return new Decoded(decoded.text(), Optional.of(at(NUL_BYTES, nul)));
      }
    }
    return decoded;
  }

  private static SyntaxError at(String message, int offset) {
    return SyntaxError.at(message, offset, offset);
  }

  /**
   * The encoding named by a coding cookie on line 1, or on line 2 when line 1 holds only whitespace
   * or a comment; null if there is none.
   */
  private static String findCookie(byte[] b, int start) {
    int lineStart = start;
    for (int line = 0; line < 2 && lineStart < b.length; line++) {
      int end = lineStart;
      while (end < b.length && b[end] != '\n' && b[end] != '\r') {
        end++;
      }
      int i = lineStart;
      while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\f')) {
        i++;
      }
      if (i < end && b[i] != '#') {
        return null; // code on this line: no cookie here or on the next line
      }
      if (i < end) {
        String name = cookieIn(b, i, end);
        if (name != null) {
          return name;
        }
      }
      lineStart = end;
      if (lineStart < b.length && b[lineStart] == '\r') {
        lineStart++;
      }
      if (lineStart < b.length && b[lineStart] == '\n') {
        lineStart++;
      }
    }
    return null;
  }

  /** Matches {@code coding[:=][ \t]*([-\w.]+)} in the comment {@code b[from, to)}. */
  private static String cookieIn(byte[] b, int from, int to) {
    for (int i = from; i + 6 < to; i++) {
      if (b[i] == 'c'
          && b[i + 1] == 'o'
          && b[i + 2] == 'd'
          && b[i + 3] == 'i'
          && b[i + 4] == 'n'
          && b[i + 5] == 'g'
          && (b[i + 6] == ':' || b[i + 6] == '=')) {
        int j = i + 7;
        while (j < to && (b[j] == ' ' || b[j] == '\t')) {
          j++;
        }
        int nameStart = j;
        while (j < to && isNameByte(b[j])) {
          j++;
        }
        if (j > nameStart) {
          return new String(b, nameStart, j - nameStart, StandardCharsets.ISO_8859_1);
        }
      }
    }
    return null;
  }

  private static boolean isNameByte(byte c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.';
  }

  /** CPython's {@code get_normal_name}: spellings of utf-8 and latin-1 folded to one name. */
  private static String normalName(String s) {
    String head = s.length() > 12 ? s.substring(0, 12) : s;
    String b = head.toLowerCase(Locale.ROOT).replace('_', '-');
    if (b.equals("utf-8") || b.startsWith("utf-8-")) {
      return "utf-8";
    }
    if (b.equals("latin-1")
        || b.equals("iso-8859-1")
        || b.equals("iso-latin-1")
        || b.startsWith("latin-1-")
        || b.startsWith("iso-8859-1-")
        || b.startsWith("iso-latin-1-")) {
      return "iso-8859-1";
    }
    return s;
  }

  /** {@code encodings.normalize_encoding} followed by lower-casing, as codec lookup does. */
  private static String pythonKey(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    boolean punct = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '.') {
        if (punct && sb.length() > 0) {
          sb.append('_');
        }
        sb.append(Character.toLowerCase(c));
        punct = false;
      } else {
        punct = true;
      }
    }
    return sb.toString();
  }

  /**
   * Decodes UTF-8. Like {@code ast.parse} on bytes, CPython decodes each token on its own and never
   * decodes comments: bad bytes in a comment are no error, and the position in the message counts
   * from the start of the token (of a string's body, for a string).
   */
  private static Decoded decodeUtf8(byte[] b, int start) {
    int n = b.length;
    int i = start;
    while (i < n) {
      if (b[i] >= 0) {
        i++;
        continue;
      }
      int bad = badSequenceLength(b, i);
      if (bad != 0) {
        return decodeUtf8Leniently(b, start);
      }
      i += sequenceLength(b[i] & 0xff);
    }
    return new Decoded(new String(b, start, n - start, StandardCharsets.UTF_8), Optional.empty());
  }

  private static int sequenceLength(int lead) {
    return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  }

  private static final int INVALID_START = 1;
  private static final int BROKEN = 2;
  private static final int TRUNCATED = 3;

  /**
   * 0 if a valid multi-byte sequence starts at {@code i}; otherwise {@code kind << 4 | length}:
   * what is wrong ({@link #INVALID_START}, {@link #BROKEN} or {@link #TRUNCATED}) and how many
   * bytes the invalid part takes.
   */
  private static int badSequenceLength(byte[] b, int i) {
    int c = b[i] & 0xff;
    if (c < 0xc2 || c > 0xf4) {
      return INVALID_START << 4 | 1;
    }
    int need = sequenceLength(c) - 1;
    for (int k = 1; k <= need; k++) {
      if (i + k >= b.length) {
        return TRUNCATED << 4 | k;
      }
      int cc = b[i + k] & 0xff;
      int lo = 0x80;
      int hi = 0xbf;
      if (k == 1) {
        // Exclude overlong forms, surrogates and code points above U+10FFFF.
        if (c == 0xe0) {
          lo = 0xa0;
        } else if (c == 0xed) {
          hi = 0x9f;
        } else if (c == 0xf0) {
          lo = 0x90;
        } else if (c == 0xf4) {
          hi = 0x8f;
        }
      }
      if (cc < lo || cc > hi) {
        return BROKEN << 4 | k;
      }
    }
    return 0;
  }

  /** The slow path for text with bad bytes: U+FFFD for each, then find the first that counts. */
  private static Decoded decodeUtf8Leniently(byte[] b, int start) {
    int n = b.length;
    StringBuilder sb = new StringBuilder(n);
    int[] byteOf = new int[n - start + 1]; // byte offset of each char's sequence
    List<int[]> bads = new ArrayList<>(); // {char offset, byte offset, bad length, kind}
    int i = start;
    while (i < n) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        byteOf[sb.length()] = i;
        sb.append((char) c);
        i++;
        continue;
      }
      int bad = badSequenceLength(b, i);
      if (bad != 0) {
        bads.add(new int[] {sb.length(), i, bad & 15, bad >> 4});
        byteOf[sb.length()] = i;
        sb.append('\ufffd');
        i += bad & 15;
        continue;
      }
      int len = sequenceLength(c);
      int cp = c & (len == 2 ? 0x1f : len == 3 ? 0x0f : 0x07);
      for (int k = 1; k < len; k++) {
        cp = (cp << 6) | (b[i + k] & 0x3f);
      }
      byteOf[sb.length()] = i;
      if (Character.isSupplementaryCodePoint(cp)) {
        byteOf[sb.length() + 1] = i;
      }
      sb.appendCodePoint(cp);
      i += len;
    }
    byteOf[sb.length()] = n;
    String text = sb.toString();
    Tokens tokens = Tokenizer.tokenize(text);
    // CPython's tokenizer decodes names as it meets them; string literals are decoded later, by
    // the parser, and only if the tokenizer found nothing wrong. Comments are never decoded.
    // The tokenizer stops at its first error (one not caused by a U+FFFD put in for bad bytes).
    int tokenizerStops = Integer.MAX_VALUE;
    for (SyntaxError e : tokens.errors()) {
      if (!e.message().contains("U+FFFD")) {
        tokenizerStops = e.start();
        break;
      }
    }
    SyntaxError inString = null;
    for (int[] bad : bads) {
      int at = bad[0];
      if (at > tokenizerStops) {
        break;
      }
      if (inComment(tokens.comments(), at)) {
        continue;
      }
      Token token = tokenAt(tokens.tokens(), at);
      boolean literal = token != null && token.kind() == TokenKind.STRING;
      if (literal && (inString != null || isBytesLiteral(text, token))) {
        continue; // a bytes literal is not decoded: the parser says it must be ASCII
      }
      int unitStart;
      int unitEnd;
      if (token == null) {
        unitStart = at;
        unitEnd = at + 1;
      } else if (token.kind() == TokenKind.STRING) {
        int body = token.start();
        while (Character.isLetter(text.charAt(body))) {
          body++;
        }
        char quote = text.charAt(body);
        boolean triple =
            token.end() - body >= 6
                && text.charAt(body + 1) == quote
                && text.charAt(body + 2) == quote;
        unitStart = body + (triple ? 3 : 1);
        unitEnd = token.end() - (triple ? 3 : 1);
      } else {
        unitStart = token.start();
        unitEnd = token.end();
      }
      String reason;
      if (bad[3] == INVALID_START) {
        reason = "invalid start byte";
      } else if (bad[3] == TRUNCATED
          || bad[1] + bad[2] >= byteOf[Math.min(unitEnd, text.length())]) {
        reason = "unexpected end of data";
      } else {
        reason = "invalid continuation byte";
      }
      int position = bad[1] - byteOf[unitStart];
      String message =
          bad[2] == 1
              ? String.format(
                  "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: %s",
                  b[bad[1]] & 0xff, position, reason)
              : String.format(
                  "(unicode error) 'utf-8' codec can't decode bytes in position %d-%d: %s",
                  position, position + bad[2] - 1, reason);
      SyntaxError error = SyntaxError.at(message, at, at + 1);
      if (!literal) {
        return new Decoded(text, Optional.of(error));
      }
      inString = error;
    }
    if (inString != null && tokens.errors().isEmpty()) {
      return new Decoded(text, Optional.of(inString));
    }
    return new Decoded(text, Optional.empty());
  }

  private static boolean isBytesLiteral(String text, Token string) {
    for (int i = string.start(); i < string.end(); i++) {
      char c = text.charAt(i);
      if (c == 'b' || c == 'B') {
        return true;
      }
      if (c == '\'' || c == '"') {
        return false;
      }
    }
    return false;
  }

  private static boolean inComment(List<Comment> comments, int offset) {
    int lo = 0;
    int hi = comments.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Comment c = comments.get(mid);
      if (offset < c.start()) {
        hi = mid - 1;
      } else if (offset >= c.end()) {
        lo = mid + 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /** The token covering {@code offset}, or null. */
  private static Token tokenAt(List<Token> tokens, int offset) {
    int lo = 0;
    int hi = tokens.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (tokens.get(mid).start() <= offset) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    // hi is the last token starting at or before offset; zero-width ones may sit after the one.
    for (int k = hi; k >= 0 && k > hi - 16; k--) {
      Token t = tokens.get(k);
      if (t.start() <= offset && offset < t.end()) {
        return t;
      }
    }
    return null;
  }

  private static Decoded decodeOther(byte[] b, Codec codec) {
    Charset charset = Charset.forName(codec.javaName());
    String text = new String(b, charset);
    if (codec.family() == Family.LATIN1) {
      return new Decoded(text, Optional.empty());
    }
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b);
    CharBuffer out = CharBuffer.allocate(b.length * 2 + 16);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (!result.isError()) {
      return new Decoded(text, Optional.empty());
    }
    int bad = in.position();
    int offset = out.position();
    String message =
        switch (codec.family()) {
          case ASCII ->
              String.format(
                  "'ascii' codec can't decode byte 0x%02x in position %d: ordinal not in"
                      + " range(128)",
                  b[bad] & 0xff, bad);
          case CHARMAP ->
              String.format(
                  "'charmap' codec can't decode byte 0x%02x in position %d: character maps to"
                      + " <undefined>",
                  b[bad] & 0xff, bad);
          case MULTIBYTE ->
              String.format(
                  "'%s' codec can't decode byte 0x%02x in position %d: illegal multibyte sequence",
                  codec.pythonName(), b[bad] & 0xff, bad);
          default ->
              String.format(
                  "'%s' codec can't decode bytes in position %d-%d: %s",
                  codec.pythonName().replace('_', '-'),
                  bad,
                  bad + Math.max(0, result.length() - 1),
                  result.isMalformed() ? "illegal encoding" : "truncated data");
        };
    return new Decoded(text, Optional.of(SyntaxError.at(message, offset, offset)));
  }
}
