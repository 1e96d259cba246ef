"""Regenerates werkzeug-cases.json: Werkzeug's own answers for Cookie parsing and Set-Cookie formatting.

Run with Werkzeug 3.1.x installed:  python3 gen_werkzeug_cases.py > werkzeug-cases.json
Deterministic: the pseudo-random inputs come from a seeded generator.
"""
import json
import random
import sys
from importlib.metadata import version

from werkzeug.http import dump_cookie
from werkzeug.sansio.http import parse_cookie

rng = random.Random(20240601)
ALPHABET = ['session', 'other', '=', ';', ' ', '"', '\\', '\t', '\n', 'a', 'Z', '0', '7', '3', ',', '\u00e9',
            '\u00a0', '\u2003', '\x1c', '\x00', '.', '-', '_', 'session=', '; ', '\\"', '\\073', '\\377']


def header():
    return ''.join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 14)))


fixed_headers = [
    'session=abc', 'other=1; session=abc', 'session=first; session=second', ' session = spaced ; x=1',
    'session="quoted"', 'session="a\\"b"', 'session="\\101\\102\\103"', 'session="\\400"', 'session="x;y"; a=1',
    'session="unclosed; session=late', '=novalue; session=v', 'session', 'session=; session=later',
    'session="a" b; session=c', 'session=a=b=c', 'a=1;;; session=ok', 'session="\\303\\251"', 'session="\\377"',
    'session=\u00a0x\u00a0', 'session=a\nb; session=c', 'x=a\nb; session=c', 'session="a\\\nb"; c=d',
    'session=.eJw.ZVPxAA.sig', 'SESSION=upper; session=lower', '', ';', '"session"=x',
]
cookie_cases = []
for h in fixed_headers + [header() for _ in range(400)]:
    parsed = parse_cookie(h)
    cookie_cases.append({"header": h, "session": parsed.get("session"), "all": list(parsed.items(multi=True))})

values = ['', 'plain', 'eyJ1c2VyX2lkIjoxMjM0NX0.ZVPxAA.8dwAnk2tzq4FJpn0JTrwoipgP1A', 'a b', 'a"b', 'a\\b', 'a;b,c',
          '\x00\x19\x1a\x1f\x20\x7f', '\u00e9\u20ac\U0001F600', "!#$%&'()*+-./:<=>?@[]^`{|}~"]
domains = [None, 'example.com', '.Example.com', '.\u00c4rzte.Example.org:8080', 'B\u00dcCHER.de',
           'b\u00fccher\u3002de', 'example.com.', 'localhost:5000']
paths = ['/', '/app', '/a b;c', '/\u00e9', '/%7E~', "/!$&'()*+,:=@", '/a?b#c']
set_cases = []
for value in values:
    set_cases.append({"value": value, "domain": None, "path": "/", "expires": None, "secure": False,
                      "httponly": True, "samesite": None, "partitioned": False,
                      "header": dump_cookie("session", value, path="/", httponly=True)})
for domain in domains:
    for path in paths:
        flags = rng.choice([(False, True, None, False), (True, True, "lax", False), (False, False, "Strict", True),
                            (True, False, "none", False)])
        expires = rng.choice([None, 0, 1700003600, 4102444800])
        header = dump_cookie("sess", "v", path=path, domain=domain, secure=flags[0], httponly=flags[1],
                             samesite=flags[2], partitioned=flags[3], expires=expires)
        set_cases.append({"value": "v", "domain": domain, "path": path, "expires": expires, "secure": flags[0],
                          "httponly": flags[1], "samesite": flags[2], "partitioned": flags[3], "header": header})

json.dump({"werkzeug": version("werkzeug"), "cookie_header": cookie_cases, "set_cookie": set_cases},
          sys.stdout, indent=1, ensure_ascii=True)
sys.stdout.write("\n")
