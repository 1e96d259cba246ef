"""Generates extra-http-vectors.json: more Flask 3.1 flows for the conformance server.

The public http-vectors.json covers the common paths. These flows exercise the rest of the route
catalog (application root, /peek, /clear, /permanent-off, error pages, the null session on every
route, unusual cookies and settings), recorded from real Flask with the spec's own generator:

    python3 gen_extra_flows.py SPEC_DIR [OUT_FILE]

SPEC_DIR holds the spec's vectorlib.py (the Flagon team's shared spec folder).
"""

import os
import sys

T = 1700000000  # 2023-11-14T22:13:20Z
KEY = "extra-secret"


def flows(V):
    H = V.http_case
    base = {"SECRET_KEY": KEY}
    valid = "session=" + V.make_cookie({"user_id": 12345}, KEY, T)
    other = "session=" + V.make_cookie({"user_id": 777}, KEY, T)
    return [
        H("extra_application_root",
          "APPLICATION_ROOT /app: the redirect goes to url_for('index') = /app/ and the cookie"
          " path defaults to the root.", dict(base, APPLICATION_ROOT="/app"),
          [{"now": T, "path": "/login"},
           {"now": T + 1, "path": "/", "cookie": "<prev>"},
           {"now": T + 2, "path": "/logout", "cookie": "<prev>"}]),
        H("extra_peek_and_clear",
          "/peek counts keys (an access: Vary only); /clear always modifies, so it deletes the"
          " cookie even when the session was already empty.", base,
          [{"now": T, "path": "/login"},
           {"now": T + 1, "path": "/peek", "cookie": "<prev>"},
           {"now": T + 2, "path": "/clear", "cookie": "<prev>"},
           {"now": T + 3, "path": "/peek"},
           {"now": T + 4, "path": "/clear"}]),
        H("extra_permanent_off",
          "/permanent-off stores _permanent false: the cookie loses Expires but keeps the key.",
          dict(base, PERMANENT_SESSION_LIFETIME=3600),
          [{"now": T, "path": "/login-permanent"},
           {"now": T + 1, "path": "/permanent-off", "cookie": "<prev>"},
           {"now": T + 2, "path": "/", "cookie": "<prev>"}]),
        H("extra_flash_defaults_and_unicode",
          "flash() with default message and category, then an escaped non-ASCII message; both"
          " come back in order.", base,
          [{"now": T, "path": "/flash"},
           {"now": T + 1, "path": "/flash?m=Z%C3%BCrich+%3Cb%3E+%E2%9C%93&c=warn", "cookie": "<prev>"},
           {"now": T + 2, "path": "/messages", "cookie": "<prev>"}]),
        H("extra_null_session_every_route",
          "No SECRET_KEY: reads see an empty session; every write (pop and clear included) is a"
          " 500; a missing argument is a 400 before the session is touched.", {},
          [{"now": T, "path": "/peek"},
           {"now": T, "path": "/messages"},
           {"now": T, "path": "/static-page"},
           {"now": T, "path": "/logout"},
           {"now": T, "path": "/flash?m=x"},
           {"now": T, "path": "/clear"},
           {"now": T, "path": "/permanent-off"},
           {"now": T, "path": "/login-permanent"},
           {"now": T, "path": "/put?key=a&value=b"},
           {"now": T, "path": "/put?key=a"},
           {"now": T, "path": "/", "cookie": valid}]),
        H("extra_errors_keep_session_rules",
          "A missing query argument is a 400 and a missing route a 404; neither touches the"
          " session, but a permanent session is still refreshed on both.",
          dict(base, PERMANENT_SESSION_LIFETIME=3600),
          [{"now": T, "path": "/put?value=v"},
           {"now": T + 1, "path": "/no-such-page"},
           {"now": T + 2, "path": "/login-permanent"},
           {"now": T + 3, "path": "/no-such-page", "cookie": "<prev>"},
           {"now": T + 4, "path": "/put?key=k", "cookie": "<prev>"}]),
        H("extra_bytes_keys_custom_signing",
          "Byte-string keys, a fallback, and a custom salt, digest and key derivation.",
          {"SECRET_KEY": b"\x00\x01binary\xff", "SECRET_KEY_FALLBACKS": [b"old\x80"]},
          [{"now": T, "path": "/login"},
           {"now": T + 1, "path": "/", "cookie": "<prev>"}],
          signing={"salt": "custom-salt", "digest": "sha256", "key_derivation": "django-concat"}),
        H("extra_cookie_attributes",
          "SameSite Strict, Partitioned (forces Secure), no HttpOnly, and a domain with a port and"
          " leading dot.",
          dict(base, SESSION_COOKIE_SAMESITE="strict", SESSION_COOKIE_PARTITIONED=True,
               SESSION_COOKIE_HTTPONLY=False, SESSION_COOKIE_DOMAIN=".Example.org:8080"),
          [{"now": T, "path": "/login"},
           {"now": T + 1, "path": "/logout", "cookie": "<prev>"}]),
        H("extra_unusual_payloads",
          "Validly signed payloads Flask did not write: null loads as empty, and a number is a"
          " 500 on every route, since Flask opens the session before routing.", base,
          [{"now": T, "path": "/", "cookie": "session=" + V.sign_json("null", KEY, T)},
           {"now": T, "path": "/", "cookie": "session=" + V.sign_json("42", KEY, T)},
           {"now": T, "path": "/static-page", "cookie": "session=" + V.sign_json("42", KEY, T)},
           {"now": T, "path": "/no-such-page", "cookie": "session=" + V.sign_json("42", KEY, T)}]),
        H("extra_quirk_list_of_pairs",
          "Python quirk: Flask's dict() loads a validly signed list of pairs as a session. Flagon"
          " deliberately refuses it (BadPayload, a 500), as spec section 1.7 allows.", base,
          [{"now": T, "path": "/", "cookie": "session=" + V.sign_json('[["user_id",7]]', KEY, T)}],
          tags=["extra", "quirk"]),
        H("extra_cookie_header_parsing",
          "The first cookie of the session's name wins; other cookies are ignored; a quoted"
          " value is unquoted.", base,
          [{"now": T + 1, "path": "/", "cookie": valid + "; " + other},
           {"now": T + 1, "path": "/", "cookie": "theme=dark; " + other + "; x=1"},
           {"now": T + 1, "path": "/", "cookie": 'session="' + valid.split("=", 1)[1] + '"'}]),
        H("extra_clock_edges",
          "A cookie from the future is refused; one exactly at the lifetime is still accepted;"
          " one second later it is not, and a write then starts afresh.",
          dict(base, PERMANENT_SESSION_LIFETIME=100),
          [{"now": T - 1, "path": "/", "cookie": valid},
           {"now": T + 100, "path": "/", "cookie": valid},
           {"now": T + 101, "path": "/", "cookie": valid},
           {"now": T + 101, "path": "/put?key=theme&value=dark", "cookie": valid}]),
        H("extra_truthy_permanent",
          "_permanent set to any truthy value makes the session permanent; an empty string does"
          " not.", dict(base, PERMANENT_SESSION_LIFETIME=3600),
          [{"now": T, "path": "/put?key=_permanent&value=yes"},
           {"now": T + 1, "path": "/static-page", "cookie": "<prev>"},
           {"now": T + 2, "path": "/put?key=_permanent&value=", "cookie": "<prev>"},
           {"now": T + 3, "path": "/static-page", "cookie": "<prev>"}]),
        H("extra_size_limit_off",
          "MAX_COOKIE_SIZE 0 turns the size check off.", dict(base, MAX_COOKIE_SIZE=0),
          [{"now": T, "path": "/put?key=blob&value=" + V.prng_text(
              "extra-big", 5000,
              "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")}]),
    ]


def main():
    spec_dir = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "extra-http-vectors.json")
    sys.path.insert(0, spec_dir)
    import vectorlib as V

    cases = flows(V)
    for case in cases:
        case["tags"] = case["tags"] or ["extra"]
    V.write_json(out, V.http_file(cases, "Extra HTTP flows for the conformance server, recorded"
                                  " from Flask by flagon-demo's gen_extra_flows.py."))
    print(f"wrote {len(cases)} flows to {out}")


if __name__ == "__main__":
    main()
