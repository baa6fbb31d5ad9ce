package io.mcpplatform.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks that a body is exactly one well-formed JSON object (RFC 8259: strings with valid escapes
 * and no raw control characters, number grammar, literals, balanced nesting, nothing but whitespace
 * after it) and lists its top-level members, in one pass over the bytes that makes no token, string
 * or node for anything below the top level. The response screen reads every answer this way; a full
 * parser spent most of its time naming and copying what the screen then skipped.
 */
final class JsonShape {

  /** Deeper nesting is refused, as parsers refuse it. */
  static final int MAX_DEPTH = 1000;

  private static final byte PLAIN = 0;
  private static final byte QUOTE = 1;
  private static final byte BACKSLASH = 2;
  private static final byte CONTROL = 3;

  /** What each byte is inside a string; bytes of multi-byte UTF-8 characters are plain. */
  private static final byte[] IN_STRING = new byte[256];

  static {
    for (int c = 0; c < 0x20; c++) {
      IN_STRING[c] = CONTROL;
    }
    IN_STRING['"'] = QUOTE;
    IN_STRING['\\'] = BACKSLASH;
  }

  /**
   * One top-level member.
   *
   * @param name the member's name, unescaped
   * @param valueStart offset of the value's first byte
   * @param valueEnd offset just past the value's last byte
   */
  record Member(String name, int valueStart, int valueEnd) {}

  private final byte[] b;
  private final int end;
  private byte[] stack = new byte[16];
  private int depth;

  private JsonShape(byte[] body) {
    this.b = body;
    this.end = body.length;
  }

  /**
   * @param body the bytes to check, UTF-8
   * @return the members of the top-level object in order, duplicates included, or null when the
   *     body is not exactly one well-formed JSON object
   */
  static List<Member> topLevelMembers(byte[] body) {
    return new JsonShape(body).scan();
  }

  private List<Member> scan() {
    int p = ws(0);
    if (p >= end || b[p] != '{') {
      return null;
    }
    List<Member> members = new ArrayList<>();
    String name = null;
    int valueStart = 0;
    boolean expectValue = true;
    while (true) {
      if (expectValue) {
        if (depth == 1 && name == null) {
          return null;
        }
        p = ws(p);
        if (p >= end) {
          return null;
        }
        byte c = b[p];
        if (depth == 1) {
          valueStart = p;
        }
        if (c == '{' || c == '[') {
          if (!push(c)) {
            return null;
          }
          p = ws(p + 1);
          if (p < end && b[p] == (c == '{' ? '}' : ']')) {
            depth--;
            p++;
            expectValue = false;
          } else if (c == '{') {
            int keyEnd = key(p);
            if (keyEnd < 0) {
              return null;
            }
            if (depth == 1) {
              name = name(p, keyEnd);
            }
            p = keyEnd;
            continue;
          } else {
            continue;
          }
        } else {
          p = scalar(p);
          if (p < 0) {
            return null;
          }
          expectValue = false;
        }
        if (depth == 0) {
          return ws(p) == end ? members : null;
        }
      } else {
        if (depth == 1 && name != null) {
          members.add(new Member(name, valueStart, p));
          name = null;
        }
        p = ws(p);
        if (p >= end) {
          return null;
        }
        byte c = b[p];
        byte open = stack[depth - 1];
        if (c == ',') {
          p++;
          if (open == '{') {
            p = ws(p);
            int keyEnd = key(p);
            if (keyEnd < 0) {
              return null;
            }
            if (depth == 1) {
              name = name(p, keyEnd);
            }
            p = keyEnd;
          }
          expectValue = true;
        } else if ((c == '}' && open == '{') || (c == ']' && open == '[')) {
          depth--;
          p++;
          if (depth == 0) {
            return ws(p) == end ? members : null;
          }
        } else {
          return null;
        }
      }
    }
  }

  private boolean push(byte open) {
    if (depth == MAX_DEPTH) {
      return false;
    }
    if (depth == stack.length) {
      stack = Arrays.copyOf(stack, depth * 2);
    }
    stack[depth++] = open;
    return true;
  }

  /** A member's name and colon, starting at {@code p}: the position after the colon, or -1. */
  private int key(int p) {
    if (p >= end || b[p] != '"') {
      return -1;
    }
    int q = string(p);
    if (q < 0) {
      return -1;
    }
    q = ws(q);
    return q < end && b[q] == ':' ? q + 1 : -1;
  }

  /**
   * The unescaped name of the key starting at {@code p}, whose colon ends before {@code keyEnd}.
   */
  private String name(int p, int keyEnd) {
    int close = string(p) - 1;
    boolean escaped = false;
    for (int i = p + 1; i < close; i++) {
      if (b[i] == '\\') {
        escaped = true;
        break;
      }
    }
    if (!escaped) {
      return new String(b, p + 1, close - p - 1, StandardCharsets.UTF_8);
    }
    return JsonRpcErrors.MAPPER.readTree(Arrays.copyOfRange(b, p, close + 1)).asString();
  }

  private int scalar(int p) {
    byte c = b[p];
    if (c == '"') {
      return string(p);
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return number(p);
    }
    if (c == 't') {
      return literal(p, "true");
    }
    if (c == 'f') {
      return literal(p, "false");
    }
    if (c == 'n') {
      return literal(p, "null");
    }
    return -1;
  }

  /** The string starting at the quote at {@code p}: the position after its closing quote, or -1. */
  private int string(int p) {
    p++;
    while (true) {
      while (p < end && IN_STRING[b[p] & 0xFF] == PLAIN) {
        p++;
      }
      if (p >= end) {
        return -1;
      }
      byte kind = IN_STRING[b[p] & 0xFF];
      if (kind == QUOTE) {
        return p + 1;
      }
      if (kind == CONTROL || p + 1 >= end) {
        return -1;
      }
      byte e = b[p + 1];
      if (e == 'u') {
        if (p + 6 > end) {
          return -1;
        }
        for (int i = p + 2; i < p + 6; i++) {
          if (Character.digit(b[i], 16) < 0) {
            return -1;
          }
        }
        p += 6;
      } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r'
          || e == 't') {
        p += 2;
      } else {
        return -1;
      }
    }
  }

  private int number(int p) {
    if (b[p] == '-') {
      p++;
    }
    if (p >= end) {
      return -1;
    }
    if (b[p] == '0') {
      p++;
    } else if (b[p] >= '1' && b[p] <= '9') {
      p = digits(p + 1);
    } else {
      return -1;
    }
    if (p < end && b[p] == '.') {
      int from = p + 1;
      p = digits(from);
      if (p == from) {
        return -1;
      }
    }
    if (p < end && (b[p] == 'e' || b[p] == 'E')) {
      p++;
      if (p < end && (b[p] == '+' || b[p] == '-')) {
        p++;
      }
      int from = p;
      p = digits(from);
      if (p == from) {
        return -1;
      }
    }
    return p;
  }

  private int digits(int p) {
    while (p < end && b[p] >= '0' && b[p] <= '9') {
      p++;
    }
    return p;
  }

  private int literal(int p, String word) {
    if (p + word.length() > end) {
      return -1;
    }
    for (int i = 0; i < word.length(); i++) {
      if (b[p + i] != word.charAt(i)) {
        return -1;
      }
    }
    return p + word.length();
  }

  private int ws(int p) {
    while (p < end && (b[p] == ' ' || b[p] == '\n' || b[p] == '\r' || b[p] == '\t')) {
      p++;
    }
    return p;
  }
}
