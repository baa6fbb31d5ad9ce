package io.mcpplatform.core.health;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Which IP addresses the health checker may connect to: the SSRF decision, independent of how the
 * connection is made. Refused: loopback (unless allowed, for local runs), private, link-local (the
 * instance metadata address 169.254.169.254 among them), carrier-grade NAT, multicast, unspecified,
 * broadcast, reserved, benchmarking and documentation ranges; in IPv6 also unique-local,
 * site-local, link-local, multicast, discard-only and documentation prefixes, and every form that
 * embeds a refused IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4, Teredo). The metadata
 * addresses (169.254.169.254 and fd00:ec2::254) are refused whatever the configuration.
 */
public final class AddressPolicy {

  private static final AddressPolicy STRICT = new AddressPolicy(false);
  private static final AddressPolicy LOCAL = new AddressPolicy(true);

  private final boolean allowLoopback;

  private AddressPolicy(boolean allowLoopback) {
    this.allowLoopback = allowLoopback;
  }

  /**
   * @return the policy for deployed functions: only public unicast addresses
   */
  public static AddressPolicy strict() {
    return STRICT;
  }

  /**
   * @return the policy for local runs: public addresses and loopback, where the local servers live
   */
  public static AddressPolicy allowingLoopback() {
    return LOCAL;
  }

  /**
   * @return whether loopback addresses are allowed
   */
  public boolean allowsLoopback() {
    return allowLoopback;
  }

  /**
   * @param address a resolved address
   * @return null when the checker may connect to it, else a short reason such as {@code "private
   *     address"}
   */
  public String refusal(InetAddress address) {
    Objects.requireNonNull(address, "address");
    byte[] b = address.getAddress();
    return b.length == 4 ? v4(toInt(b, 0), allowLoopback) : v6(b);
  }

  /**
   * @return whether the checker may connect to the address
   */
  public boolean allows(InetAddress address) {
    return refusal(address) == null;
  }

  private static String v4(int a, boolean loopbackAllowed) {
    if (a == 0xA9FEA9FE) {
      return "instance metadata address";
    }
    if (in(a, 0x7F000000, 8)) {
      return loopbackAllowed ? null : "loopback address";
    }
    if (a == 0xFFFFFFFF) {
      return "broadcast address";
    }
    if (in(a, 0x00000000, 8)) {
      return "unspecified address";
    }
    if (in(a, 0x0A000000, 8) || in(a, 0xAC100000, 12) || in(a, 0xC0A80000, 16)) {
      return "private address";
    }
    if (in(a, 0x64400000, 10)) {
      return "carrier-grade NAT address";
    }
    if (in(a, 0xA9FE0000, 16)) {
      return "link-local address";
    }
    if (in(a, 0xE0000000, 4)) {
      return "multicast address";
    }
    if (in(a, 0xF0000000, 4)) {
      return "reserved address";
    }
    if (in(a, 0xC0000000, 24)) {
      return "IETF protocol assignment address";
    }
    if (in(a, 0xC6120000, 15)) {
      return "benchmarking address";
    }
    if (in(a, 0xC0000200, 24) || in(a, 0xC6336400, 24) || in(a, 0xCB007100, 24)) {
      return "documentation address";
    }
    return null;
  }

  private String v6(byte[] b) {
    int w0 = toInt(b, 0);
    int w1 = toInt(b, 4);
    int w2 = toInt(b, 8);
    int w3 = toInt(b, 12);
    if (w0 == 0xFD000EC2 && w1 == 0 && w2 == 0 && w3 == 0x254) {
      return "instance metadata address";
    }
    if (w0 == 0 && w1 == 0 && w2 == 0) {
      if (w3 == 0) {
        return "unspecified address";
      }
      if (w3 == 1) {
        return allowLoopback ? null : "loopback address";
      }
      return "IPv4-compatible IPv6 address";
    }
    if (w0 == 0 && w1 == 0 && w2 == 0x0000FFFF) {
      String inner = v4(w3, allowLoopback);
      return inner == null ? null : "IPv4-mapped " + inner;
    }
    if (w0 == 0 && w1 == 0 && w2 == 0xFFFF0000) {
      return "IPv4-translated address";
    }
    if (w0 == 0x0064FF9B && w1 == 0 && w2 == 0) {
      String inner = v4(w3, false);
      return inner == null ? null : "NAT64 form of a " + inner;
    }
    if (w0 == 0x0064FF9B && (w1 >>> 16) == 1) {
      return "local-use NAT64 address";
    }
    if ((w0 >>> 16) == 0x2002) {
      int embedded = (w0 << 16) | (w1 >>> 16);
      String inner = v4(embedded, false);
      return inner == null ? null : "6to4 form of a " + inner;
    }
    if (w0 == 0x20010000) {
      String server = v4(w1, false);
      String client = v4(~w3, false);
      if (server != null || client != null) {
        return "Teredo form of a " + (client != null ? client : server);
      }
      return null;
    }
    if (w0 == 0x01000000 && w1 == 0) {
      return "discard-only address";
    }
    if (w0 == 0x20010DB8 || (w0 >>> 16) == 0x3FFF && (w0 & 0xF000) == 0) {
      return "documentation address";
    }
    int top = b[0] & 0xFF;
    int second = b[1] & 0xFF;
    if (top == 0xFF) {
      return "multicast address";
    }
    if ((top & 0xFE) == 0xFC) {
      return "unique-local address";
    }
    if (top == 0xFE && (second & 0xC0) == 0x80) {
      return "link-local address";
    }
    if (top == 0xFE && (second & 0xC0) == 0xC0) {
      return "site-local address";
    }
    return null;
  }

  private static boolean in(int address, int network, int prefix) {
    int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
    return (address & mask) == (network & mask);
  }

  private static int toInt(byte[] b, int offset) {
    return ((b[offset] & 0xFF) << 24)
        | ((b[offset + 1] & 0xFF) << 16)
        | ((b[offset + 2] & 0xFF) << 8)
        | (b[offset + 3] & 0xFF);
  }
}
