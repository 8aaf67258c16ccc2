import re

# ruleid: py-redos
NESTED = re.compile(r"^(a+)+$")
# ruleid: py-redos
WORDS = re.compile(r"^(\w+\s?)*$")
# ruleid: py-redos
EMAIL = re.compile(r"^([a-zA-Z0-9_\.\-])+\@(([a-zA-Z0-9\-])+\.)+([a-zA-Z0-9]{2,4})+$")
# ok: py-redos
STRICT_EMAIL = re.compile(r"^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$")
# ok: py-redos
TRAILING = re.compile(r"\s+$")
# ok: py-redos
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def check(value):
    # the regex is reported wherever it is used, whatever the input
    # ruleid: py-redos
    return re.match(r"^(\d+)*x$", value)


def linear(value):
    # ok: py-redos
    return re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value)


def alternation(value):
    # ruleid: py-redos
    return re.search(r"(a|aa)+b", value)


# every iteration of the outer group starts with "\.": one way to match only
# ok: py-redos
HOSTNAME = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")
