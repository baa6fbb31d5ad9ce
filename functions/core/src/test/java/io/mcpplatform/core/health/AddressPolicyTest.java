package io.mcpplatform.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF decision over every address class; literals only, nothing is resolved or contacted. */
class AddressPolicyTest {

  private static InetAddress ip(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }

  /**
   * An IPv6 address kept as IPv6 even when it embeds IPv4 (InetAddress.getByName would unwrap
   * mapped ones).
   */
  private static InetAddress v6(String literal) throws UnknownHostException {
    return Inet6Address.getByAddress(
        null,
        InetAddress.getByName(literal).getAddress().length == 16
            ? InetAddress.getByName(literal).getAddress()
            : mapped(InetAddress.getByName(literal).getAddress()),
        -1);
  }

  private static byte[] mapped(byte[] v4) {
    byte[] b = new byte[16];
    b[10] = (byte) 0xFF;
    b[11] = (byte) 0xFF;
    System.arraycopy(v4, 0, b, 12, 4);
    return b;
  }

  @ParameterizedTest(name = "{0} is refused as {1}")
  @CsvSource({
    "127.0.0.1, loopback",
    "127.255.255.254, loopback",
    "10.0.0.1, private",
    "10.255.255.255, private",
    "172.16.0.1, private",
    "172.31.255.255, private",
    "192.168.1.1, private",
    "169.254.0.1, link-local",
    "169.254.169.254, instance metadata",
    "100.64.0.1, carrier-grade NAT",
    "100.127.255.255, carrier-grade NAT",
    "224.0.0.1, multicast",
    "239.255.255.250, multicast",
    "0.0.0.0, unspecified",
    "0.1.2.3, unspecified",
    "255.255.255.255, broadcast",
    "240.0.0.1, reserved",
    "192.0.0.8, IETF protocol assignment",
    "192.0.2.10, documentation",
    "198.51.100.7, documentation",
    "203.0.113.9, documentation",
    "198.18.0.1, benchmarking",
    "::1, loopback",
    "::, unspecified",
    "fe80::1, link-local",
    "febf::1, link-local",
    "fec0::1, site-local",
    "fc00::1, unique-local",
    "fd12:3456:789a::1, unique-local",
    "fd00:ec2::254, instance metadata",
    "ff02::1, multicast",
    "ff05::2, multicast",
    "2001:db8::1, documentation",
    "100::1, discard-only",
    "::10.0.0.1, IPv4-compatible",
    "::127.0.0.1, IPv4-compatible",
    "64:ff9b::a00:1, NAT64 form of a private",
    "64:ff9b::7f00:1, NAT64 form of a loopback",
    "64:ff9b:1::1, local-use NAT64",
    "2002:a00:1::1, 6to4 form of a private",
    "2002:7f00:1::1, 6to4 form of a loopback",
    "2002:a9fe:a9fe::1, 6to4 form of a instance metadata",
    "2001:0:4136:e378:8000:63bf:f5ff:fffe, Teredo form of a private",
    "2001:0:a00:1::f7f7:f7f7, Teredo form of a private"
  })
  void strict_refusesNonPublicAddresses(String literal, String reason) throws UnknownHostException {
    assertThat(AddressPolicy.strict().refusal(ip(literal))).contains(reason);
  }

  @ParameterizedTest
  @CsvSource({
    "10.0.0.1, IPv4-mapped private",
    "127.0.0.1, IPv4-mapped loopback",
    "169.254.169.254, IPv4-mapped instance metadata",
    "100.64.1.1, IPv4-mapped carrier-grade NAT",
    "224.0.0.5, IPv4-mapped multicast"
  })
  void strict_refusesIpv4MappedIpv6_ofRefusedIpv4(String v4, String reason)
      throws UnknownHostException {
    assertThat(AddressPolicy.strict().refusal(v6(v4))).isEqualTo(reason + " address");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8.8.8.8",
        "1.1.1.1",
        "93.184.216.34",
        "172.15.255.255",
        "172.32.0.1",
        "100.63.255.255",
        "100.128.0.1",
        "169.253.255.255",
        "11.0.0.1",
        "2606:4700:4700::1111",
        "2a00:1450:4001:81b::200e",
        "64:ff9b::808:808",
        "2002:808:808::1"
      })
  void strict_allowsPublicUnicastAddresses(String literal) throws UnknownHostException {
    assertThat(AddressPolicy.strict().refusal(ip(literal))).isNull();
    assertThat(AddressPolicy.strict().allows(ip(literal))).isTrue();
  }

  @Test
  void strict_allowsIpv4MappedPublicAddress() throws UnknownHostException {
    assertThat(AddressPolicy.strict().allows(v6("8.8.4.4"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.0.1.1", "::1"})
  void allowingLoopback_allowsLoopback(String literal) throws UnknownHostException {
    assertThat(AddressPolicy.allowingLoopback().allows(ip(literal))).isTrue();
    assertThat(AddressPolicy.allowingLoopback().allowsLoopback()).isTrue();
    assertThat(AddressPolicy.strict().allowsLoopback()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "169.254.169.254",
        "fd00:ec2::254",
        "10.0.0.1",
        "192.168.0.10",
        "fe80::1",
        "fc00::1",
        "100.64.0.1",
        "0.0.0.0",
        "::",
        "2002:7f00:1::1",
        "64:ff9b::7f00:1"
      })
  void allowingLoopback_stillRefusesEverythingElseNonPublic(String literal)
      throws UnknownHostException {
    assertThat(AddressPolicy.allowingLoopback().refusal(ip(literal))).isNotNull();
  }

  @Test
  void allowingLoopback_refusesMappedMetadataAddress() throws UnknownHostException {
    assertThat(AddressPolicy.allowingLoopback().refusal(v6("169.254.169.254")))
        .isEqualTo("IPv4-mapped instance metadata address");
  }
}
