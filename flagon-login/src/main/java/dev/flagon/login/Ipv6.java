package dev.flagon.login;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whether text is an IPv6 address as Python 3.11's {@code ipaddress.IPv6Address} accepts it: at most one
 * {@code ::}, hextets of 1 to 4 hex digits, an optional dotted IPv4 tail (no leading zeros) and an optional
 * non-empty {@code %zone}. Used for bracketed hosts in a {@code Referer}.
 */
final class Ipv6 {
  private static final int HEXTETS = 8;

  private Ipv6() {}

  static boolean isValid(String text) {
    if (text.indexOf('/') >= 0) {
      return false;
    }
    String address = text;
    int percent = text.indexOf('%');
    if (percent >= 0) {
      String zone = text.substring(percent + 1);
      if (zone.isEmpty() || zone.indexOf('%') >= 0) {
        return false;
      }
      address = text.substring(0, percent);
    }
    if (address.isEmpty()) {
      return false;
    }
    List<String> parts = new ArrayList<>(Arrays.asList(address.split(":", -1)));
    if (parts.size() < 3) {
      return false;
    }
    if (parts.get(parts.size() - 1).indexOf('.') >= 0) {
      if (!isIpv4(parts.remove(parts.size() - 1))) {
        return false;
      }
      parts.add("0");
      parts.add("0");
    }
    return parts.size() <= HEXTETS + 1 && hextetsValid(parts);
  }

  private static boolean hextetsValid(List<String> parts) {
    int size = parts.size();
    int skip = -1;
    for (int i = 1; i < size - 1; i++) {
      if (parts.get(i).isEmpty()) {
        if (skip >= 0) {
          return false; // a second '::'
        }
        skip = i;
      }
    }
    int high;
    int low;
    if (skip >= 0) {
      high = skip;
      low = size - skip - 1;
      if (parts.get(0).isEmpty() && --high != 0) {
        return false; // a leading ':' that is not part of '::'
      }
      if (parts.get(size - 1).isEmpty() && --low != 0) {
        return false;
      }
      if (HEXTETS - (high + low) < 1) {
        return false;
      }
    } else {
      if (size != HEXTETS || parts.get(0).isEmpty() || parts.get(size - 1).isEmpty()) {
        return false;
      }
      high = size;
      low = 0;
    }
    for (int i = 0; i < high; i++) {
      if (!isHextet(parts.get(i))) {
        return false;
      }
    }
    for (int i = size - low; i < size; i++) {
      if (!isHextet(parts.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHextet(String part) {
    return !part.isEmpty() && part.length() <= 4 && part.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80);
  }

  /** {@code IPv4Address}: four decimal octets up to 255, ASCII digits, no leading zeros. */
  private static boolean isIpv4(String text) {
    String[] octets = text.split("\\.", -1);
    if (octets.length != 4) {
      return false;
    }
    for (String octet : octets) {
      if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(c -> c >= '0' && c <= '9')
          || (octet.length() > 1 && octet.charAt(0) == '0') || Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }
}
